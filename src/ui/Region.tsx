import type { ReactNode } from 'react';

/** A labelled landmark section (the names are a public contract: Editor, Variables, Output, …). */
export function Region({ label, title, children, className }: { label: string; title?: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={label} className={`region ${className ?? ''}`}>
      {title && <h2 className="region-title">{title}</h2>}
      <div className="region-body">{children}</div>
    </section>
  );
}
