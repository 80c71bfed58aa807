/**
 * 落款版式 from the app (issue 11): the host's export service (electron/main/services/hostExport.ts, behind the
 * Electron glue and the end-to-end test host) lays the 落款 out as the draft says — sealed by default (GB/T
 * 9704-2012 7.3.5.1), unsealed when the clerk chose it (7.3.5.2) — in the PDF, the DOCX and the publication bundle,
 * measured in the printed PDF and in the DOCX's paragraph indents. The command line reads the same choice from a
 * draft (one function, `draftModelOptions`), its `--unsealed` overriding it.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/report.js';
import { createPdfPrinter, type PdfPrinter } from '../../electron/main/services/export/pdf.js';
import { createExportServices } from '../../electron/main/services/hostExport.js';
import { serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';
import { docxRightIndents, pdfRightIndents, tempDir, useTestFonts } from './tools.js';

useTestFonts();
const dir = tempDir('app-signature');
const ORGAN = '某某县人民政府办公室';
const DATE = '2025年2月25日';
let printer: PdfPrinter;

beforeAll(async () => {
  printer = await createPdfPrinter();
}, 120_000);
afterAll(async () => {
  await printer?.close();
});

function draftWith(style: 'sealed' | 'unsealed' | undefined): string {
  const d: DraftFile = sampleDraft(2024); // 落款 某某县人民政府办公室, 2025-02-25
  if (style) d.meta.signatureStyle = style;
  return serializeDraft(d);
}

async function exportAs(text: string, kind: 'pdf' | 'docx' | 'bundle', name: string): Promise<string> {
  const path = join(dir, name);
  const services = createExportServices({ chooseExportPath: async () => path, printer });
  const r = await services.exportDocument({ text, kind, suggestedName: name });
  expect(r, JSON.stringify(r)).toMatchObject({ status: 'saved' });
  return path;
}

/** Right indents in characters of the 署名 and the 成文日期, as printed. */
const pdfIndents = (path: string) => pdfRightIndents(path, [ORGAN, DATE]);
/** Right indents in characters of the 署名 and the 成文日期 paragraphs of a DOCX. */
const docxIndents = (path: string) => docxRightIndents(path, [ORGAN, DATE]);

// sealed: the date four characters in, the organ (10 characters) centred on the date (6.5 characters wide);
// unsealed: the organ two characters in, the date starting two characters right of the organ's first character
const EXPECTED = { sealed: [2.25, 4], unsealed: [2, 3.5] } as const;

describe('the host\'s export service honours the draft\'s 落款版式', () => {
  for (const [label, style, expected] of [
    ['a draft that never chose (sealed)', undefined, EXPECTED.sealed],
    ['a draft set to 不加盖印章 (unsealed)', 'unsealed', EXPECTED.unsealed],
  ] as const) {
    it(`PDF and DOCX of ${label}`, async () => {
      const text = draftWith(style);
      const [organ, date] = pdfIndents(await exportAs(text, 'pdf', `${style ?? 'default'}.pdf`));
      expect(organ).toBeCloseTo(expected[0], 1);
      expect(date).toBeCloseTo(expected[1], 1);
      const [organDocx, dateDocx] = await docxIndents(await exportAs(text, 'docx', `${style ?? 'default'}.docx`));
      expect(organDocx).toBeCloseTo(expected[0], 2);
      expect(dateDocx).toBeCloseTo(expected[1], 2);
    }, 120_000);
  }

  it('the publication bundle of an unsealed draft: its PDF and DOCX unsealed', async () => {
    const folder = await exportAs(draftWith('unsealed'), 'bundle', '发布包');
    const files = readdirSync(folder);
    const pdf = files.find((f) => f.endsWith('年度报告.pdf'));
    const docx = files.find((f) => f.endsWith('年度报告.docx'));
    if (!pdf || !docx) throw new Error(`bundle: ${files.join(', ')}`);
    const [organ, date] = pdfIndents(join(folder, pdf));
    expect(organ).toBeCloseTo(EXPECTED.unsealed[0], 1);
    expect(date).toBeCloseTo(EXPECTED.unsealed[1], 1);
    expect(await docxIndents(join(folder, docx))).toEqual([EXPECTED.unsealed[0], EXPECTED.unsealed[1]].map((n) => expect.closeTo(n, 2)));
  }, 180_000);

  it('the command line: a draft\'s choice without --unsealed, and --unsealed over a sealed draft', async () => {
    const cases = [
      ['unsealed', [], EXPECTED.unsealed],
      [undefined, ['--unsealed'], EXPECTED.unsealed],
      [undefined, [], EXPECTED.sealed],
    ] as const;
    for (const [i, [style, flags, expected]] of cases.entries()) {
      const file = join(dir, `cli${i}.gkbg`);
      writeFileSync(file, draftWith(style));
      let err = '';
      const code = await main(['export', file, '--docx', join(dir, `cli${i}.docx`), ...flags], { out: () => undefined, err: (t) => void (err += t) });
      expect(code, err).toBe(0);
      expect(await docxIndents(join(dir, `cli${i}.docx`)), `${style ?? 'default'} ${flags.join()}`).toEqual([expected[0], expected[1]].map((n) => expect.closeTo(n, 2)));
    }
  }, 180_000);
});
