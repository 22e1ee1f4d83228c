import { describe, expect, it } from 'vitest';
import { procedureCatalogue } from './catalogue-data.ts';
import { procedureCode, procedureContent } from './domain/procedure.ts';

describe('the reference procedure catalogue', () => {
  it('has at least 40 procedures with unique, well-formed national codes', () => {
    const codes = procedureCatalogue.map((p) => p.code);
    expect(codes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(procedureCode.safeParse(code).success).toBe(true);
  });

  it('every entry is valid content that cites its legal basis and where its code was confirmed', () => {
    for (const { code, ...content } of procedureCatalogue) {
      const parsed = procedureContent.safeParse(content);
      expect(parsed.success, `${code}: ${parsed.error?.message}`).toBe(true);
      expect(
        content.sources.some((s) => s.includes(code)),
        code,
      ).toBe(true);
    }
  });

  it('every form file field answers a component of its own procedure', () => {
    for (const p of procedureCatalogue) {
      const components = new Set(p.components.map((c) => c.code));
      for (const f of p.formDefinition?.fields ?? [])
        if (f.type === 'file') expect(components.has(f.componentCode), `${p.code} ${f.name}`).toBe(true);
    }
  });
});
