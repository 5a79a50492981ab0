// The test identity provider's own pages: plain HTML, no scripts, nothing fetched from elsewhere.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} · Test IdP</title>
<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label{display:block;margin-top:1rem}input{display:block;width:100%;padding:.4rem;margin-top:.25rem}button{margin-top:1rem;padding:.5rem 1rem}</style>
</head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

export function loginPage(uid: string, login: string, error: string | null): string {
  return layout(
    "Sign in to the test identity provider",
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Username<input name="login" autocomplete="username" required value="${escape(login)}"></label>
<label>Password<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>`,
  );
}

/** `form` is oidc-provider's own (id op.logoutForm, with its CSRF token); the buttons submit it. */
export function logoutPage(form: string): string {
  return layout(
    "Sign out of the test identity provider?",
    `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

export function messagePage(title: string, message: string): string {
  return layout(title, `<p>${escape(message)}</p>`);
}
