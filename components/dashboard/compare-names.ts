// Product names in the order people read them ("Orders 2" before "Orders 10"), case-insensitive.
// Shared by the dashboard table and its e2e test, so both sort the same way.
export const compareNames: (a: string, b: string) => number = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;
