# ローンチチェックリストの文言（すべての形式）、日本語。

ck-title = ローンチチェックリスト：{ $market }（{ $id }）
ck-generated-from = { $book }から作成
ck-kickoff = キックオフ：{ $kickoff }
ck-task-count = { $count }件のタスク
ck-last-due = 最終期限 { $end }（{ $days }日、クリティカルパス：{ $count }件のタスク）
ck-in-date-order = 期限順
ck-in-plan-order = 計画順
ck-ongoing = 継続
ck-due = 期限 { $date }
ck-start-due = { $start } → 期限 { $date }
ck-from-ongoing = { $start }から（継続）
ck-ongoing-from = { $start }から継続
ck-critical-path = クリティカルパス
ck-waits-for = 待機先
ck-applies-because = 適用理由
ck-also = 関連
ck-done = 完了 { $date }
ck-done-by = 担当 { $who }
ck-note-for = { $market }についての注記
ck-not-applicable = この市場には適用されません
# 市場が独自に追加したタスクのアクティビティ（ステップのどのアクティビティにも属さない）。
ck-market-specific = 市場固有
ck-entry-left-out = 市場参入タスク{ $count }件を除外：{ $market }は本国市場です。
ck-company-prerequisites = 全社での前提条件
ck-company-prerequisites-lead = 全社で一度だけ実施（{ $name }、キックオフ { $kickoff }）。この市場のフェーズはこれを待ちます。
ck-state = 状態
ck-needed-by = 必要とするフェーズ
ck-no-owner = 担当者なし
ck-yes = はい
ck-no = いいえ
ck-not-applicable-cell = 適用外
ck-csv-header = 市場,タスクID,フレームワーク,コンポーネント,フェーズ,フェーズ期間,ステップ,アクティビティ,タスク,担当者,ロール,開始,期限,期間,クリティカルパス,待機先,市場の注記,適用理由,関連,完了日,完了者,完了メモ
cal-launch = { $market }ローンチ
cal-checklist = { $what }チェックリスト
ck-sheet-title = ローンチチェックリスト：{ $market }
ck-kickoff-on = キックオフ { $date }
ck-lead = 責任者 { $name }
ck-company-work = 全社の作業
ck-state-head = 状態
ck-due-head = 期限
ck-ongoing-lower = 継続
ck-task-head = タスク
ck-owner-head = 担当者
ck-dates-head = 日程
ck-signed-off-by = 承認者
ck-date-head = 日付
dur-days = { $count }営業日
dur-weeks = { $count }週間
dur-months = { $count }か月

## How far the company has got with a prerequisite.
ck-prereq-done = 完了
ck-prereq-not-started = 未着手
ck-prereq-partly = { $total } 件中 { $done } 件完了
ck-meta-description = { $title }：キックオフ { $kickoff } から { $count } 件のタスク
