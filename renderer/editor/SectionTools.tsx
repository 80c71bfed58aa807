/**
 * The tool buttons above a section's text: the five sub-headings of 一 (ticked when present), the data sentences built
 * from tables 三 and 四 (inserted or refreshed), the sub-headings of 五, the 信息处理费 sentence of 六. Each is one
 * undoable edit of the text (`editText`); the buttons don't take the focus from the text.
 */
import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { OVERVIEW_ASPECTS, type SectionKey } from '../../shared/report/format.js';
import {
  APPLY_SENTENCE_RE,
  REVIEW_SENTENCE_RE,
  applySentence,
  aspectsPresent,
  insertParagraphHeading,
  reviewSentence,
  upsertSentence,
} from '../../shared/report/narrative.js';
import { useEditor } from './context.js';

const FEE_SENTENCE = '本年度没有产生信息公开处理费。';

/** Tool buttons don't take focus from the text, so an insertion goes where the caret is. */
function keepFocus(e: { preventDefault(): void; target: EventTarget }) {
  if ((e.target as HTMLElement).closest('button')) e.preventDefault();
}

/** Which of the five aspects of 一 have their sub-heading (re-renders only when that changes). */
function useAspects(): string {
  const { control } = useEditor();
  return useWatch({
    control,
    name: 'sections.overview',
    compute: (text: string) =>
      aspectsPresent(text ?? '')
        .map((b) => (b ? '1' : '0'))
        .join(''),
  });
}

function AspectButtons({ insert }: { insert: (heading: string) => () => void }) {
  const present = useAspects();
  return (
    <>
      {OVERVIEW_ASPECTS.map((a, i) => {
        const has = present[i] === '1';
        return (
          <button key={a.heading} type="button" className={has ? 'present' : undefined} onClick={insert(a.heading)} title={has ? '正文中已有此小标题' : `插入小标题「${a.heading}」`}>
            {has ? (
              <span className="check" aria-hidden="true">
                ✓{' '}
              </span>
            ) : null}
            {a.heading}
          </button>
        );
      })}
    </>
  );
}

/** The sentence built from a table (三: applications, 四: reviews and lawsuits) and how to recognise it again. */
const DATA_SENTENCES = {
  apply: { build: applySentence, pattern: APPLY_SENTENCE_RE },
  review: { build: reviewSentence, pattern: REVIEW_SENTENCE_RE },
} as const;

/** Inserts the table's data sentence into a section's text, or refreshes the one inserted before. */
function DataSentenceButton(props: { section: SectionKey; table: keyof typeof DATA_SENTENCES; afterHeading?: string; title: string; children: ReactNode }) {
  const api = useEditor();
  const { build, pattern } = DATA_SENTENCES[props.table];
  const { afterHeading } = props;
  return (
    <button
      type="button"
      className="data"
      title={props.title}
      onClick={() => api.editText(props.section, (text, cursor, report) => upsertSentence(text, build(report), pattern, afterHeading ? { afterHeading, cursor } : { cursor }))}
    >
      {props.children}
    </button>
  );
}

export function SectionTools({ section }: { section: SectionKey }) {
  const api = useEditor();
  const heading = (h: string) => () => api.editText(section, (text, cursor) => insertParagraphHeading(text, h, cursor));
  switch (section) {
    case 'overview':
      return (
        <div className="text-tools" onMouseDown={keepFocus} role="toolbar" aria-label="总体情况的五个方面">
          <span className="tools-label">插入小标题：</span>
          <AspectButtons insert={heading} />
          <span className="sep" />
          <DataSentenceButton section="overview" table="apply" afterHeading="（二）依申请公开" title="在「（二）依申请公开」下插入或刷新由第三部分表格生成的数据句">
            依申请公开：插入/刷新数据句
          </DataSentenceButton>
        </div>
      );
    case 'requests':
    case 'review':
      return (
        <div className="text-tools" onMouseDown={keepFocus} role="toolbar" aria-label={section === 'requests' ? '申请情况' : '复议诉讼'}>
          <DataSentenceButton section={section} table={section === 'requests' ? 'apply' : 'review'} title="插入或刷新由下表生成的数据句">
            按表格插入/刷新数据句
          </DataSentenceButton>
        </div>
      );
    case 'problems':
      return (
        <div className="text-tools" onMouseDown={keepFocus} role="toolbar" aria-label="问题及改进">
          <span className="tools-label">插入小标题：</span>
          <button type="button" onClick={heading('（一）存在的问题')}>
            （一）存在的问题
          </button>
          <button type="button" onClick={heading('（二）改进情况')}>
            （二）改进情况
          </button>
        </div>
      );
    case 'other':
      return (
        <div className="text-tools" onMouseDown={keepFocus} role="toolbar" aria-label="其他事项">
          <button
            type="button"
            title="《政府信息公开信息处理费管理办法》要求说明信息处理费收取情况"
            onClick={() =>
              api.editText('other', (text, cursor) =>
                text.includes('处理费') ? { text, start: text.indexOf('处理费'), end: text.indexOf('处理费') + 3, replaced: true } : insertParagraphHeading(text, FEE_SENTENCE, cursor),
              )
            }
          >
            插入信息处理费说明
          </button>
        </div>
      );
    default:
      return null;
  }
}
