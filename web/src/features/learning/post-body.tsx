import { Fragment, type ReactNode } from 'react';

/** **bold** inside a line, as React elements (never as HTML). */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never move
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never move
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

/**
 * A post's body. Plain text keeps its line breaks; the limited markdown a post may use is headings
 * (#, ##), bullet lists (- or *), numbered lists (1.), **bold** and paragraphs. It is turned into
 * React elements, so nothing a post says can become markup or script.
 */
export function PostBody({ body, format }: { body: string; format: 'text' | 'markdown' }) {
  if (format === 'text') return <p className="meeting-text">{body}</p>;
  const blocks: ReactNode[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push(<p key={blocks.length}>{inline(paragraph.join(' '))}</p>);
    paragraph = [];
  };
  const flushList = () => {
    if (list) {
      const items = list.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are rendered once, in order
        <li key={i}>{inline(item)}</li>
      ));
      blocks.push(list.ordered ? <ol key={blocks.length}>{items}</ol> : <ul key={blocks.length}>{items}</ul>);
    }
    list = null;
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      // Headings inside a post sit below the page's h1 and the section's h2.
      blocks.push(
        heading[1] === '#' ? (
          <h3 key={blocks.length}>{inline(heading[2] ?? '')}</h3>
        ) : (
          <h4 key={blocks.length}>{inline(heading[2] ?? '')}</h4>
        ),
      );
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, items: [] };
      list.items.push((bullet?.[1] ?? numbered?.[1] ?? '').trim());
    } else if (line === '') {
      flushParagraph();
      flushList();
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return <div className="post-body">{blocks}</div>;
}
