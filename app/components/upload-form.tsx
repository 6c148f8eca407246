import { Form } from "@remix-run/react";

/** The upload form of an import: one file, posted as multipart; works without JavaScript. */
export function UploadForm({ label, hint, accept, submit, invalid }: { label: string; hint: string; accept: string; submit: string; invalid: boolean }) {
  return (
    <Form method="post" encType="multipart/form-data" className="card space-y-4 p-6">
      <div>
        <label htmlFor="file" className="block font-semibold">
          {label}
        </label>
        <p id="file-hint" className="mt-0.5 text-sm text-ink-soft">
          {hint}
        </p>
        <input
          id="file"
          name="file"
          type="file"
          accept={accept}
          required
          aria-describedby="file-hint"
          aria-invalid={invalid ? true : undefined}
          className="mt-2 block w-full max-w-full rounded-lg border border-line bg-white p-2"
        />
      </div>
      <button type="submit" className="btn btn-primary">
        {submit}
      </button>
    </Form>
  );
}
