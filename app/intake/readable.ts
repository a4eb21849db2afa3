'use client';

/**
 * The readable text of an uploaded article, in the browser: Mozilla's Readability (the engine
 * of Firefox Reader View) finds the article among menus, ads and footers; its paragraphs become
 * plain text separated by blank lines. The browser's DOMParser builds an inert document (no
 * script runs, nothing is fetched).
 */
export interface ReadableArticle {
  text: string;
  title: string;
  url: string;
  publishedAt: string;
  siteName: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

function blocksToText(root: ParentNode): string {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const parts = blocks.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return parts.length ? parts.join('\n\n') : ((root as Element).textContent ?? '').replace(/[ \t]+/g, ' ').trim();
}

const meta = (doc: Document, ...names: string[]) => {
  for (const n of names) {
    const v = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`)?.getAttribute('content');
    if (v) return v.trim();
  }
  return '';
};

export async function readableFromHtml(html: string): Promise<ReadableArticle> {
  const { Readability } = await import('@mozilla/readability');
  const parse = () => new DOMParser().parseFromString(html, 'text/html');
  const doc = parse();
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || meta(doc, 'og:url');
  const published = meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate');
  const article = new Readability(parse()).parse();
  const body = article?.content ? blocksToText(new DOMParser().parseFromString(article.content, 'text/html').body) : blocksToText(doc.body);
  return {
    text: body,
    title: (article?.title || doc.title || '').trim(),
    url: /^https?:\/\//.test(url) ? url : '',
    publishedAt: /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : (article?.publishedTime ?? '').slice(0, 10),
    siteName: (article?.siteName ?? '').trim(),
  };
}

export const isHtmlFile = (file: File) => /\.html?$/i.test(file.name) || file.type === 'text/html';
