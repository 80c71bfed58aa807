/**
 * 「需核对」: the draft's review list — passages carried over from last year (marked 【请核对】 in the text) and the
 * importer's doubts. Each goes to its passage or field; it leaves the list only when the clerk confirms it.
 */
import { useEditor } from './context.js';
import { usePanelView } from './store.js';
import { SECTION_NAMES } from '../../shared/report/format.js';

export function ReviewList() {
  const api = useEditor();
  const { review } = usePanelView(api.store);
  if (review.length === 0) return null;
  return (
    <section className="issue-group review-group" data-testid="review-list" aria-label="需核对">
      <h3>
        <span>需核对（{review.length}）</span>
      </h3>
      <ul>
        {review.map((item, i) => (
          <li key={`${i}:${item.section ?? item.target ?? ''}:${item.text}`} className="issue review" data-origin={item.origin}>
            <button type="button" className="issue-main" onClick={() => api.showReview(i)} title="选中这段文字">
              <span className="rule">{item.origin === 'import' ? '导入' : '上年'}</span>
              <span className="msg">
                {item.section ? `${SECTION_NAMES[item.section]}「${item.text.split('\n')[0]?.slice(0, 30) ?? ''}」` : `「${item.text}」`}：{item.reason}
              </span>
            </button>
            <button type="button" className="small primary" onClick={() => api.confirmReview(i)} title="已核对修改：从列表中去掉，并删除文中的【请核对】标记">
              已核对
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
