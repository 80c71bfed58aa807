/** DOCX export: report → document model → DOCX bytes → file. */
import { buildDocModel } from '../../../../shared/render/model.js';
import { renderDocx } from '../../../../shared/render/docx.js';
import type { Report } from '../../../../shared/report/model.js';
import { writeOutputFile } from './writeFile.js';

export async function exportDocx(report: Report, path: string): Promise<{ bytes: number }> {
  const data = await renderDocx(buildDocModel(report));
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}
