/**
 * Opening and importing, for `useDocument`: every way another draft replaces the open one — `open()`, `openFile(ref)`,
 * `newDraft()`, `nextYear()`, `convertTo2021()` and `openImported({ draftText, sourceName, asLastYear, doubts })` — each
 * asking 「是否保存？」 first (`mayReplace`) where unsaved changes would be lost. A draft that didn't open goes to
 * `setDamaged` (useRecovery.ts).
 */
import { useCallback, useMemo } from 'react';
import { draftWithImportDoubts } from '../../shared/editor/review.js';
import type { FileRef, HostResult } from '../../shared/ipc/contract.js';
import { migrate2019 } from '../../shared/report/migrate2019.js';
import { nextYearDraft } from '../../shared/report/nextYear.js';
import { isLocked, LOCKED_MESSAGE } from '../../shared/report/reviewState.js';
import { newDraft as blankDraft, parseDraftText } from '../../shared/schema/draft.js';
import { defaultYear, failureText, importedNotice, sessionId, type ImportedOpening } from './documentNames.js';
import type { DocState } from './useDocumentParts.js';
import type { DamagedOffer, RecoveryDeps } from './useRecovery.js';

export interface OpeningDeps extends RecoveryDeps {
  setDamaged(offer: DamagedOffer | null): void;
}

export function useOpening({ host, docRef, idRef, load, mayReplace, mayStillReplace, refreshRecent, setDamaged, setError, setNotice }: OpeningDeps) {
  /**
   * What the host read replaces the draft `asked` was before 「是否保存？」 — asked again if the clerk typed while the file
   * was chosen and read (or while the answer 「保存」 was saving); only when something will replace it.
   */
  const acceptOpened = useCallback(
    async (r: HostResult<'openDraftAt'>, asked: DocState['draft']): Promise<boolean> => {
      if (r.status === 'error') {
        setError(r.message);
        return false;
      }
      const parsed = r.status === 'opened' ? parseDraftText(r.text) : null;
      if (parsed && !parsed.ok) {
        setError(`无法打开「${r.file.name}」：${parsed.error}`);
        return false;
      }
      // (a damaged file's backup or autosave replaces the draft from the offer that follows: asked here too)
      if (!(await mayStillReplace(asked))) return false;
      if (r.status === 'damaged') {
        setDamaged(r);
        return false;
      }
      if (!parsed?.ok) return false; // (never: an opened file was parsed above)
      idRef.current = sessionId();
      load(parsed.draft, r.file, false);
      setError(null);
      const formatNote = parsed.draft.format === '2019' ? '这是2019年格式的报告，可用「转换为2021年格式」转换（无法对应的数据保留为旧格式数据）' : '';
      setNotice([formatNote, parsed.historyProblem ?? ''].filter(Boolean).join('；') || null);
      void refreshRecent();
      return true;
    },
    [idRef, load, mayStillReplace, refreshRecent, setDamaged, setError, setNotice],
  );

  const open = useCallback(async () => {
    const asked = docRef.current.draft;
    if (!(await mayReplace())) return false;
    try {
      const r = await host.openDraft({});
      if (r.status === 'canceled') return false;
      return await acceptOpened(r, asked);
    } catch (e) {
      setError(failureText('无法打开文件', e));
      return false;
    }
  }, [host, docRef, mayReplace, acceptOpened, setError]);

  const openFile = useCallback(
    async (file: FileRef) => {
      const asked = docRef.current.draft;
      if (!(await mayReplace())) return false;
      try {
        return await acceptOpened(await host.openDraftAt({ file: file.id }), asked);
      } catch (e) {
        setError(failureText(`无法打开「${file.name}」`, e));
        return false;
      }
    },
    [host, docRef, mayReplace, acceptOpened, setError],
  );

  const newDraft = useCallback(async () => {
    if (!(await mayReplace())) return false;
    const cur = docRef.current.draft;
    idRef.current = sessionId();
    load(blankDraft({ year: defaultYear(), organ: cur.meta.organ, level: cur.meta.level ?? null }), null, false);
    setError(null);
    setNotice(null);
    return true;
  }, [docRef, idRef, mayReplace, load, setError, setNotice]);

  const nextYear = useCallback(async () => {
    if (!(await mayReplace())) return false;
    const from = docRef.current.draft;
    const r = nextYearDraft(from);
    idRef.current = sessionId();
    load(r.draft, null, true);
    setError(null);
    setNotice(
      `已创建${r.draft.year}年度报告：「上年结转」已按${from.year}年「结转下年度」填入，上年数据显示在各单元格旁；` +
        (r.flags.length ? `正文中 ${r.flags.length} 处标有「【请核对】」，列在右侧「需核对」中，逐项核对后点「已核对」。` : '正文已沿用上年内容，请逐段修改。'),
    );
    return true;
  }, [docRef, idRef, mayReplace, load, setError, setNotice]);

  const convertTo2021 = useCallback(() => {
    const cur = docRef.current;
    if (cur.draft.format !== '2019') return;
    if (isLocked(cur.draft)) {
      setError(LOCKED_MESSAGE);
      return;
    }
    const r = migrate2019(cur.draft);
    load(r.draft, cur.file, true);
    setNotice(`已转换为2021年格式：${r.mapped.length} 项数据已对应；${r.legacy.length} 项没有对应栏目，保留为「旧格式数据」。`);
  }, [docRef, load, setError, setNotice]);

  const openImported = useCallback(
    async ({ draftText, sourceName, asLastYear = false, doubts = [], origin = 'published' }: ImportedOpening) => {
      const parsed = parseDraftText(draftText);
      if (!parsed.ok) {
        setError(`无法打开导入的报告：${parsed.error}`);
        return false;
      }
      if (!(await mayReplace())) return false;
      idRef.current = sessionId();
      setError(null);
      if (asLastYear) {
        // the doubts concern last year's figures, now shown beside each cell: the carried-over text is what to review
        const r = nextYearDraft(parsed.draft);
        load(r.draft, null, true);
        setNotice(
          `已以「${sourceName}」为上年报告创建${r.draft.year}年度报告：「上年结转」已按其「结转下年度」填入，上年数据显示在各单元格旁` +
            (r.flags.length ? `；正文中 ${r.flags.length} 处标有「【请核对】」，列在右侧「需核对」中。` : '。'),
        );
      } else {
        const imported = draftWithImportDoubts(parsed.draft, doubts);
        load(imported, null, true);
        setNotice(importedNotice(sourceName, imported.review?.length ?? 0, origin));
      }
      return true;
    },
    [idRef, mayReplace, load, setError, setNotice],
  );

  // one object while its members stay the same, so the document controller built from it is memoised too
  return useMemo(() => ({ open, openFile, newDraft, nextYear, convertTo2021, openImported }), [open, openFile, newDraft, nextYear, convertTo2021, openImported]);
}

