/** The worker of the office pool: reads and checks one unit's file (untrusted input, off the main thread). */
import { readUnitFile, type CheckOptions, type UnitRead } from './unitFile.js';

/** The pool's other task: importing one published report (OfficePool.importPublished). */
export { importTask as importPublished, publishedReportTask as readPublishedReport } from '../import/importTask.js';

export interface UnitTask {
  path: string;
  check?: CheckOptions;
}

export default async function readUnit(task: UnitTask): Promise<UnitRead> {
  return readUnitFile(task.path, task.check);
}
