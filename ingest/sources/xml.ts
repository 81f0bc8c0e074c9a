/**
 * The XML sources (GraphML, GEXF) are parsed as whole documents by graphology's parsers:
 * XML has no record boundaries a line reader could stream over. The file size is capped
 * (ATLAS_XML_MAX_MB, default 64) with a message that says what to do instead, and the
 * document is parsed once, here, with line tracking, so that each record can name the
 * line of its element.
 */
import fs from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Problem } from '../errors.js';
import { SourceReadError } from '../source.js';
import { malformed } from './lines.js';

export const DEFAULT_XML_MAX_MB = 64;

export function xmlMaxBytes(): number {
  const mb = Number(process.env.ATLAS_XML_MAX_MB ?? DEFAULT_XML_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_XML_MAX_MB) * 1024 * 1024;
}

export interface ParsedXml {
  doc: Document;
}

/** An element's 1-based line as the parser located it (xmldom's locator), or undefined. */
export function elementLine(element: Element): number | undefined {
  const line = (element as unknown as { lineNumber?: number }).lineNumber;
  return typeof line === 'number' && line > 0 ? line : undefined;
}

export function parseXmlFile(file: string, shown: string, format: string): ParsedXml {
  const size = fs.statSync(file).size;
  const max = xmlMaxBytes();
  if (size > max) {
    throw malformed(
      shown,
      1,
      '(file)',
      `${format} file of ${(size / 1048576).toFixed(1)} MiB: XML sources are parsed whole, so they are capped at ` +
        `${(max / 1048576).toFixed(0)} MiB (ATLAS_XML_MAX_MB). Export large graphs as KGX TSV/JSON Lines or neo4j-admin CSV, which stream.`,
    );
  }
  const problems: Problem[] = [];
  const report = (message: string) => {
    const at = /\[line:(\d+),col:\d+\]/.exec(message);
    let text = message
      .replace(/^\[xmldom [a-zA-Z]+\]\s*/, '')
      .replace(/\s*@#\[line:\d+,col:\d+\]\s*$/, '')
      .split('\n')[0]!;
    // xmldom's name for a start tag that is never closed.
    if (/unclosed xml attribute/.test(text)) text = 'an element that is never closed, or a malformed tag';
    problems.push({ file: shown, line: at ? Number(at[1]) : 1, field: '(xml)', message: text });
  };
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: {},
      // Warnings too: they are where xmldom guessed at broken markup (an unclosed tag).
      errorHandler: { warning: report, error: report, fatalError: report },
    }).parseFromString(fs.readFileSync(file, 'utf8'), 'application/xml') as unknown as Document;
  } catch (err) {
    if (problems.length === 0) report(String((err as Error).message ?? err));
    throw new SourceReadError(problems);
  }
  if (problems.length > 0) throw new SourceReadError(problems);
  if (!doc?.documentElement) throw malformed(shown, 1, '(xml)', 'no root element');
  return { doc };
}
