/** A refused or failed admin change, beside its form, in the gateway's words. */
export function AdminError(props: { error: string | null; testId: string }) {
  if (props.error === null) return null;
  return (
    <p className="admin-error" role="alert" data-testid={props.testId}>
      {props.error}
    </p>
  );
}
