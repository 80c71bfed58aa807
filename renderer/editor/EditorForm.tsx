/**
 * The form body: 基本信息 (meta), the preface and the six sections in order, each with its narrative and, for
 * 二、三、四, its table as printed. Everything is generated from the format definition; nothing here retypes a
 * table label. Memoised: it renders once per draft.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { FormValues } from '../../shared/editor/formValues.js';
import { ISSUE_GROUP_NAMES, type IssueGroup } from '../../shared/editor/issues.js';
import { MAX_SECTION_CHARS } from '../../shared/schema/draft.js';
import { SECTION_NAMES, SECTIONS, tableLayout, type SectionKey, type TableId } from '../../shared/report/format.js';
import { canonicalTitle } from '../../shared/report/model.js';
import { organLevel } from '../../shared/report/level.js';
import type { DraftFile } from '../../shared/schema/draft.js';
import { CopiedBackdrop, CopiedList } from '../compare/CopiedPassages.js';
import { useEditor } from './context.js';
import { usePanelView } from './store.js';
import { SectionTools } from './SectionTools.js';
import { TableGrid } from './TableGrid.js';

const TABLE_CAPTIONS: Record<TableId, string> = {
  active: '主动公开政府信息情况表',
  apply: '收到和处理政府信息公开申请情况表',
  review: '政府信息公开行政复议、行政诉讼情况表',
};

export const EditorForm = memo(function EditorForm({ form, base }: { form: UseFormReturn<FormValues>; base: DraftFile }) {
  const { format } = useEditor();
  const register = form.register;
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    const list: number[] = [];
    for (let y = now + 1; y >= 2019; y--) list.push(y);
    if (!list.includes(base.year)) list.push(base.year);
    return list;
  }, [base.year]);
  return (
    <div className="form-scroll" id="form-scroll">
      <form className="report-form" onSubmit={(e) => e.preventDefault()} autoComplete="off" noValidate>
        <nav className="toc" aria-label="章节">
          <a href="#sec-meta">基本信息</a>
          <a href="#sec-preface">前言</a>
          {SECTIONS.map((s) => (
            <a key={s.key} href={`#sec-${s.key}`}>
              {SECTION_NAMES[s.key]}
              <GroupBadge group={s.key} />
            </a>
          ))}
        </nav>

        <section className="card meta" id="sec-meta" aria-labelledby="h-meta">
          <h2 id="h-meta">
            基本信息 <GroupBadge group="meta" />
          </h2>
          <div className="meta-grid">
            <label className="wide">
              <span>机关名称</span>
              <OrganInput form={form} />
            </label>
            <label>
              <span>机关层级</span>
              <select {...register('meta.level')}>
                <option value="" disabled>未确定，请选择</option>
                <option value="government">人民政府（3月31日前公布）</option>
                <option value="department">部门（1月31日前公布）</option>
              </select>
            </label>
            <label>
              <span>年度</span>
              <select {...register('meta.year')}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {y}年
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>格式</span>
              <input value={`${format.name}（${format.source}）`} readOnly tabIndex={-1} className="readonly" aria-readonly="true" />
            </label>
            <label className="wide">
              <span>标题</span>
              <TitleInput register={register} />
            </label>
            <label className="wide">
              <span>发文机关署名</span>
              <input {...register('meta.signatureOrgan')} placeholder="落款的机关名称" maxLength={200} />
            </label>
            <label>
              <span>成文日期</span>
              <input type="date" {...register('meta.signatureDate')} />
            </label>
            <SignatureStyleChoice register={register} />
            <label>
              <span>联系人</span>
              <input {...register('meta.contactName')} maxLength={200} />
            </label>
            <label>
              <span>联系电话</span>
              <input {...register('meta.contactPhone')} inputMode="tel" maxLength={200} />
            </label>
          </div>
        </section>

        <SectionBlock section="preface" heading="前言（可选）" hint="法律依据、报告组成、数据统计期限等">
          <SectionText section="preface" register={register} placeholder="根据《中华人民共和国政府信息公开条例》……本报告所列数据的统计期限自X年1月1日起至X年12月31日止。" />
        </SectionBlock>

        {SECTIONS.map((s) => (
          <SectionBlock key={s.key} section={s.key} heading={s.heading}>
            <SectionText section={s.key} register={register} tools={<SectionTools section={s.key} />} />
            {s.table ? <TableGrid layout={tableLayout(format, s.table)} caption={TABLE_CAPTIONS[s.table]} /> : null}
          </SectionBlock>
        ))}
        <div className="form-end" />
      </form>
    </div>
  );
});

/**
 * 落款版式 (GB/T 9704-2012 7.3.5): sealed — the filed copy is signed and sealed — is the default; unsealed for a
 * document sent without a seal. A choice of the document, saved in the draft; every output uses it.
 */
function SignatureStyleChoice({ register }: { register: UseFormReturn<FormValues>['register'] }) {
  return (
    <fieldset className="wide signature-style" aria-describedby="signature-style-hint">
      <legend>落款版式</legend>
      <span className="choices">
        <label>
          <input type="radio" value="sealed" {...register('meta.signatureStyle')} />
          加盖印章（默认）
        </label>
        <label>
          <input type="radio" value="unsealed" {...register('meta.signatureStyle')} />
          不加盖印章
        </label>
      </span>
      <small id="signature-style-hint">
        GB/T 9704-2012 7.3.5.1：成文日期右空四字，发文机关署名以成文日期为准居中；7.3.5.2：署名右空二字，成文日期在署名下一行、首字比署名首字右移二字。
      </small>
    </fieldset>
  );
}

/**
 * The organ's name; leaving the field sets the 机关层级 its name says (`organLevel`, the rules' and the importer's one
 * reading) — a name that doesn't say (「某县」) leaves the clerk's choice as it is.
 */
function OrganInput({ form }: { form: UseFormReturn<FormValues> }) {
  const field = useMemo(() => form.register('meta.organ'), [form]);
  return (
    <input
      {...field}
      placeholder="如：某某县人民政府办公室"
      maxLength={200}
      onBlur={(e) => {
        void field.onBlur(e);
        const level = organLevel(e.currentTarget.value);
        if (level && form.getValues('meta.level') !== level) form.setValue('meta.level', level);
      }}
    />
  );
}

/** The title field shows the canonical title it defaults to, as the organ and year are typed. */
function TitleInput({ register }: { register: UseFormReturn<FormValues>['register'] }) {
  const { control } = useEditor();
  const canonical = useWatch({
    control,
    name: 'meta',
    compute: (m: FormValues['meta']) => canonicalTitle(m.organ.trim() || '（机关名称）', Number(m.year) || 0),
  });
  const field = useMemo(() => register('meta.title'), [register]);
  return <input {...field} placeholder={`留空即为「${canonical}」`} maxLength={200} />;
}

function SectionBlock({ section, heading, hint, children }: { section: SectionKey; heading: string; hint?: string; children: ReactNode }) {
  return (
    <section className="card" id={`sec-${section}`} aria-labelledby={`h-${section}`} data-section-block={section}>
      <h2 id={`h-${section}`}>
        {heading} <GroupBadge group={section} />
        {hint ? <small className="hint">{hint}</small> : null}
      </h2>
      {children}
    </section>
  );
}

function GroupBadge({ group }: { group: IssueGroup }) {
  const { store } = useEditor();
  const panel = usePanelView(store);
  const c = panel.summary.byGroup[group];
  if (!c || (c.errors === 0 && c.warnings === 0)) return null;
  return (
    <span className="badges" aria-label={`${ISSUE_GROUP_NAMES[group]}：错误 ${c.errors} 个，提示 ${c.warnings} 个`}>
      {c.errors ? <span className="badge error">{c.errors}</span> : null}
      {c.warnings ? <span className="badge warning">{c.warnings}</span> : null}
    </span>
  );
}

const SectionText = memo(function SectionText({
  section,
  register,
  placeholder,
  tools,
}: {
  section: SectionKey;
  register: UseFormReturn<FormValues>['register'];
  placeholder?: string;
  tools?: ReactNode;
}) {
  const field = useMemo(() => register(`sections.${section}`), [register, section]);
  return (
    <div className="section-text">
      {tools}
      <div className="text-box">
        <CopiedBackdrop section={section} />
        <textarea {...field} data-section={section} aria-label={`${ISSUE_GROUP_NAMES[section]} 正文`} placeholder={placeholder ?? '正文（每段一行）'} rows={3} spellCheck={false} maxLength={MAX_SECTION_CHARS} />
      </div>
      <TextIssues section={section} />
      <CopiedList section={section} />
    </div>
  );
});

/** Findings about this section's text, listed under it (click selects the words concerned). */
function TextIssues({ section }: { section: SectionKey }) {
  const api = useEditor();
  const panel = usePanelView(api.store);
  const items = panel.summary.open.filter((i) => i.finding.span?.section === section || (!i.finding.span && i.group === section && !i.finding.target && i.finding.cells.length === 0));
  if (items.length === 0) return null;
  return (
    <ul className="text-issues">
      {items.map((i) => (
        <li key={i.id} className={i.finding.severity} data-rule={i.finding.rule}>
          <button type="button" className="link" onClick={() => api.focusFinding(i.finding)}>
            <b>{i.finding.rule}</b> {i.finding.message}
          </button>
        </li>
      ))}
    </ul>
  );
}
