/** The parameters of a Content-Disposition header, as a client reading RFC 6266 would see them. */
export interface ParsedDisposition {
  type: string;
  /** The quoted `filename` fallback, unescaped. */
  filename: string | undefined;
  /** `filename*` decoded from RFC 5987 `UTF-8''<percent-encoded>`. */
  filenameStar: string | undefined;
  /** Every parameter name, in order (a duplicate would show twice). */
  names: string[];
}

// type *( ";" name "=" ( token / quoted-string ) ), whitespace around the separators allowed.
const PARAM = /;\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/y;

/** Parses a Content-Disposition value strictly: anything left over makes it throw. */
export function parseContentDisposition(header: string): ParsedDisposition {
  const typeMatch = /^([A-Za-z-]+)\s*/.exec(header);
  if (!typeMatch) throw new Error(`no disposition type in ${JSON.stringify(header)}`);
  const result: ParsedDisposition = { type: typeMatch[1]!.toLowerCase(), filename: undefined, filenameStar: undefined, names: [] };
  PARAM.lastIndex = typeMatch[0].length;
  while (PARAM.lastIndex < header.length) {
    const start = PARAM.lastIndex;
    const match = PARAM.exec(header);
    if (!match) throw new Error(`unparseable Content-Disposition from ${start}: ${JSON.stringify(header.slice(start))}`);
    const name = match[1]!.toLowerCase();
    const raw = match[2]!;
    result.names.push(name);
    if (name === 'filename') {
      result.filename = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    } else if (name === 'filename*') {
      const ext = /^UTF-8''((?:%[0-9A-Fa-f]{2}|[!#$&+.^_`|~0-9A-Za-z-])*)$/i.exec(raw);
      if (!ext) throw new Error(`filename* is not RFC 5987 UTF-8: ${raw}`);
      result.filenameStar = decodeURIComponent(ext[1]!);
    }
  }
  return result;
}
