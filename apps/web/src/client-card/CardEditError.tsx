/** A failed card edit, inline under its control, in the gateway's words. */
export function CardEditError(props: { error: string | null; testId: string }) {
  if (props.error === null) return null;
  return (
    <p className="card-edit__error" role="alert" data-testid={props.testId}>
      {props.error}
    </p>
  );
}
