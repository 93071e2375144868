/** The Assess page: a proposed operation's scenario, its assessment rendered, and downloads as HTML or JSON. */
export default function AssessPage() {
  return (
    <section aria-label="assess">
      <h1>Assess</h1>
      <p>Assessment of a proposed operation is not served by this version of the server yet.</p>
    </section>
  );
}
