import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/** Owner-written markdown, sanitized: no raw HTML, scripts or event handlers reach the page. */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="prose prose-slate prose-sm max-w-none dark:prose-invert prose-code:before:content-none prose-code:after:content-none">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]}>{children}</ReactMarkdown>
    </div>
  );
}
