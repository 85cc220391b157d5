/** The message shown beside a form field; announced by screen readers through aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string | false }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}
