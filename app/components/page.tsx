import type { ReactNode } from "react";

/** The common page frame: a heading, an optional lead and actions, then the content. */
export function Page({ title, lead, actions, children, width = "max-w-5xl" }: { title: string; lead?: ReactNode; actions?: ReactNode; children: ReactNode; width?: string }) {
  return (
    <div className={`mx-auto ${width} px-4 py-8 sm:py-10`}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{title}</h1>
          {lead ? <p className="mt-2 text-lg text-ink-soft">{lead}</p> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-3">{actions}</div> : null}
      </div>
      <div className="mt-8">{children}</div>
    </div>
  );
}

export function EmptyState({ title, text, action }: { title: string; text: string; action?: ReactNode }) {
  return (
    <div className="card flex flex-col items-start gap-3 p-8">
      <h2 className="text-xl font-bold">{title}</h2>
      <p className="text-ink-soft">{text}</p>
      {action}
    </div>
  );
}
