# 日本語のインターフェース（組み込み。Playbook 側の templates/i18n/ja.ftl で
# 個別に上書きできます）。

skip-to-content = 本文へスキップ
menu = メニュー
search-label = Playbook を検索
search-placeholder = 検索  ( / )
toggle-dark-mode = ダークモードの切り替え
home = ホーム
breadcrumbs = パンくずリスト
printable-edition = 印刷用
on-this-page = このページの内容
previous = 前へ
next = 次へ
languages = 言語
translation-partly = このページの一部はまだ翻訳されていないため、英語で表示しています。
translation-missing = このページはまだ翻訳されていないため、英語で表示しています。
translation-stale = この翻訳（{ $translated }）の後に英語のページが更新されました{ $changed ->
    [none] 。
   *[other] （最終更新 { $changed }）。
}
tasks-count = { $count ->
    [one] 1件のタスク
   *[other] { $count }件のタスク
}

## 共通の語

search-button = 検索
section-frameworks = フレームワーク
section-markets = 市場
section-story = ストーリー
section-learning-path = 学習パス
section-success-metrics = 成功指標
launch-status = ローンチ状況
site-search = サイト
sidebar = Playbook
search-results = 検索結果
prev-next = 前後のページ
edit-page = このページを編集
last-changed = 最終更新
footer-version = バージョン { $version }
footer-built-with = Playbook で作成
footer-built-on = 作成日
show-or-hide-pages = { $section }：ページの表示・非表示
kickoff-on = キックオフ { $date }
ongoing = 継続
met = ✓ 達成
missed = ✗ 未達
unconfirmed = 未確認
not-confirmed = 公式の情報源で確認されていません
source-colon = 出典：
more = その他
points = { $count }点
of-total = { $part } / { $total }

## 404 ページ

nf-lead = このアドレスにはページがありません。Playbook の再構成で移動した可能性があります。
nf-search-label = お探しのページを検索
nf-or-browse = こちらから始める
launched-on = ローンチ済み { $date }
act = 第{ $number }幕
act-titled = 第{ $number }幕：{ $title }
continue-reading = 続きを読む：
count-steps = { $count } ステップ
count-tasks = { $count }件のタスク
count-metrics = { $count } 指標
count-markets = { $count } 市場
count-regulations = { $count } 規制
count-chapters = ストーリー { $count } 章
count-components = { $count } コンポーネント
count-phases = { $count } フェーズ
count-questions = { $count } 問
count-levels = { $count } レベル

## トップページ

home-launches = ローンチの状況
home-launched-planned = ローンチ済み { $launched }、予定 { $planned }
home-start = はじめに
home-card-story = ストーリーを読む
home-card-story-text = Maya Patel が AI オペレーションを顧客 100 社から世界規模へ、フレームワークのステップを一つずつ進めて拡大します。
home-card-frameworks = フレームワークを使う
home-card-frameworks-text = 担当者、目標値、適用される市場を備えたフェーズ、ステップ、タスクです。
home-card-markets = 市場を立ち上げる
home-card-markets-text = 各市場のチェックリスト：その市場のタスクだけを、キックオフからの期日付きで示します。
n-task-checklist = { $count } タスクのチェックリスト

## ストーリーと章

story-lead = 手一杯のオペレーション担当マネージャーからオペレーション・エクセレンスを率いるリーダーになるまでの、Maya Patel の歩みです。各章で Playbook の一部を実践します。リンクから、彼女が使うステップや指標をご覧ください。
able-to-do = できるようになること
skills-it-builds = 身につくスキル
moved-here-from = （{ $level } から移動）
level-self-assessment = { $level } 自己評価
story-assessment-link = { $title }：全レベルの問題、一つのスコア →
story-portfolio-link = { $title }：コピーして使えるテンプレート →
story-learning-link = 学習パスの全体：レベル、目標とスキル、評価 →
section-number = セクション { $number }
min-read = 読了 { $count } 分
read-mark = 既読
take-self-assessment = { $level } の自己評価を受ける
in-this-chapter = この章の内容
framework-in-chapter = この章のフレームワーク
rail-framework = フレームワーク
rail-component = コンポーネント
rail-step = ステップ
rail-metric = 指標
rail-market = 市場
rail-regulation = 規制
rail-expert = 専門家
rail-research = 調査
put-to-work = 実践する：{ $title } →

## フレームワーク、コンポーネント、ステップ

framework = フレームワーク
phases = フェーズ
framework-timeline-caption = キックオフ後の月ごとのフェーズと週ブロック。
phase-titled = フェーズ { $number }：{ $title }
risks-and-mitigations = 導入のリスクと対策
mitigation-titled = 対策：{ $title }
threatens = 影響を受けるもの：
component-number = コンポーネント { $number }
timeline = タイムライン
component-timeline-caption = 市場のキックオフ後の週ごとのフェーズ。
step-number = ステップ { $number }
owner = 担当
all-markets = 全市場
applies-where = 適用条件 { $rule }：
no-market-yet = 該当市場なし
market-specific-tasks = 市場固有のタスク
expert-advice = 専門家の助言
risks-to-watch = 注意すべきリスク
mitigation-lower = 対策：{ $title }。
referenced-by = 参照元
in-the-story = ストーリーでの登場箇所
ongoing-block = 継続：

## 表の見出し

col-metric = 指標
col-target = 目標値
col-market = 市場
col-region = 地域
col-kickoff = キックオフ
col-regulations = 規制
col-tags = タグ
col-checklist = チェックリスト

## 市場

markets-lead = 各市場のチェックリストには、その市場に適用されるタスクだけが、キックオフからの期日付きで含まれます。
markets-status-text = <a href="{ $url }">ローンチ状況</a>：各ローンチの現在の状況を、期限切れのタスクと次の期日とともに示します。
markets-company = 全社で一度だけ行う作業（各市場が利用するプラットフォーム、パイプライン、手順）は <a href="{ $url }">{ $name }のチェックリスト</a> にあり、そのキックオフ（{ $date }）から日付が決まります。各市場のチェックリストは、その市場が待つ全社の作業から始まります。
named-checklist = { $name }のチェックリスト
open-launch-checklist = ローンチのチェックリストを開く（{ $count }件のタスク）
where-every-launch-stands = 各ローンチの状況
profile = 概要
launch = ローンチ
launched-on-cap = ローンチ済み { $date }
home-market = 本拠市場
planned = 予定
last-task-due = ：最終タスクの期日 { $date }
market-languages = 言語
currency = 通貨
team = チーム
col-role = 役割
col-person = 担当者
local-partners = 現地パートナー
launch-timeline = ローンチのタイムライン
market-timeline-caption = キックオフ（{ $date }）からのスケジュール：各フェーズとステップを、最初の開始日から最後の期日まで示します。
market-critical-caption = <span class="crit-key">クリティカルパス</span>（{ $count }件のタスク）が最終期日 { $date } を決めます。ここでの 1 日の遅れは、最後の 1 日の遅れになります。
col-phase = フェーズ
col-starts = 開始
col-due = 期日
col-tasks-here = タスク数
col-critical-path = クリティカルパス
yes = はい
scorecard = スコアカード
targets-met = 測定済みの目標 { $count } 件のうち { $met } 件を達成しました。
col-actual = 実績値
col-result = 結果
col-note = 備考
no-actuals-yet = 実績値はまだ報告されていません。
why-checklist-differs = このチェックリストが異なる理由
tasks-apply-because = { $reason } により { $count }件のタスクが適用
own-tasks = この市場だけのタスク
in-step = <a href="{ $url }">{ $title }</a> 内

## 指標

metrics-lead = 各指標には型付きの目標値があり、各市場の実績値が達成か未達かを判定します。
col-markets-meeting = 達成している市場
not-measured-yet = 未測定
per-period = （{ $period }あたり）
measures = 測定対象：
by-market = 市場別
metric-chart-caption = 市場別の実績値。線は目標値を示します。
col-as-of = 時点
no-market-reports = この指標を報告している市場はまだありません。

## 規制

col-regulation = 規制
col-markets = 市場
col-jurisdiction = 管轄
in-force = 施行
checked = 確認日
last-reviewed = 最終レビュー
official-text = 公式テキスト
none-of-our-markets = 該当市場なし
key-dates = 主な日程
col-date = 日付
col-what = 内容
col-source = 出典
obligations = オペレーションへの要求事項
watch = 注視事項
watch-lead = 前回のレビュー時点で予定されている変更です。
source-lower = 出典：
tasks-it-triggers = 発生するタスク
in-named-step = { $step } 内
sources = 出典
regulations-lead = 各市場に適用される法令と、それぞれがオペレーションに求める事項です。
none = なし

## 専門家と調査

expert = 専門家
composite-title = 実在の人物ではなく、複合的な人物像です
composite-text = { $name } は、複数の実務家の見解を組み合わせた架空の人物です。名前と発言は説明のためのもので、実在の人物や企業の発言ではありません。
strategic-perspectives = 戦略的な視点
actionable-advice = 実践的な助言
put-to-work-in = 実践するステップ：
experts-lead = これらの専門家は<strong>複合的な人物像</strong>です。それぞれ複数の実務家の見解を組み合わせています。実在の人物ではなく、その発言はどの企業の見解でもありません。
research = 調査
results = 結果
supports = 裏付ける項目：

## 検索

search-page = 検索ページ
search-page-label = ステップ、タスク、指標、市場、規制、人物、ストーリーの章を検索
show-more-results = さらに結果を表示
search-needs-js = 検索には JavaScript が必要です。代わりに<a href="{ $root }frameworks/">フレームワーク</a>、<a href="{ $root }markets/">市場</a>、<a href="{ $root }story/">ストーリー</a>をご覧ください。

## ローンチ状況

status-lead = 各市場のローンチの状況（<span class="status-day">チェックリストに基づく</span>）：<code>content/progress/</code> に完了と記録されたタスク、期限切れのタスク、次に期日を迎えるタスクです。
status-rules = ローンチ済み：市場が稼働しています（全社プログラムでは、その作業が整っています）。その日までが期日で記録のない作業は完了とみなし、以降の作業はローンチを遅延させずに一覧に示します。遅延：タスクが期日を過ぎ、完了と記録されていません。リスクあり：遅延はありませんが、{ $days } 日以内が期日のタスクが未完了です。未着手：キックオフ前です。ブラウザーにだけ保存されたチェックは数えません。<code>playbook progress</code> で記録してください。
col-done = 完了
col-open-due = 未完了タスクの期日
col-overdue = 期限切れ
col-next-due = 次の期日
col-state = 状態
status-needs-js = 期限切れのタスクと各ローンチの状態は今日の日付によって変わります。このページでは JavaScript が必要です。または Playbook のフォルダーで <code>playbook status</code> を実行してください。
open-tasks-by-month = 月別の未完了タスク
heat-caption = 市場別、月ごとに期日を迎える未完了タスクです。色が濃いほど多くなります。今月より前の月には印が付いています。上の表は同じ内容を文章で示しています。

## 印刷用と学習パス

contents = 目次
score-sheet = 採点表：チェックした点数を記入してください
col-part = パート
col-weight = 配点比率
col-points-ticked = チェックした点数
col-score = スコア
col-questions = 問題数
col-points = 点数
total = 合計
percent-of-score = スコアの { $weight }%
it-validates = 確認する内容：{ $list }。
it-tests = 問う内容：{ $list }。
level-question = { $level }、問題 { $number }
question-number = 問題 { $number }
print-market-line = キックオフ { $date }、チェックリストのタスク { $count } 件
taught-in = 学ぶ章：
list-and = と
moved-here-from-long = 元のリストでは <a href="{ $url }">{ $level }</a> にありますが、ここに移動しました。
moved-away-lead = <strong>別のレベルへ移動しました。</strong>元のリストではこのレベルにも含まれますが、学習パスはそれを扱う章に従います：
skill = スキル
objective = 目標
from-chapter = 出典の章：<a href="{ $url }">{ $title }</a>
your-answer = あなたの回答
to-question = （問題 { $number }）
to-level-question = （{ $level } 問題 { $number }）
rubric-for-question = 問題 { $number } の評価基準：回答が満たす行にチェックしてください
rubric-for-level-question = { $level } 問題 { $number } の評価基準：回答が満たす行にチェックしてください
worked-answer = 解答例
back-to-question = 問題 { $number } に戻る
out-of = / { $total }
story = ストーリー
learning-path = 学習パス
its-parts = { $title }：構成
take-the = { $title }を受ける
portfolio-lead = ストーリーの数値を例にした、自分の文書にコピーして使えるテンプレートです：
questions-on = 全 { $count } 問。対象の章：
assessment-lead-end = 。各問題に回答を書き、その回答が満たす評価基準の行にチェックしてください。解答例はページの最後にあります。
assessment-relation = この自己評価は一つのレベルだけを確認します。<a href="{ $url }">{ $title }</a>は全レベルの問題をまとめて採点します。ここでの回答とチェックはそちらにも反映されます。
how-scored = 採点方法
score-by-part = パート別のスコア
score-by-part-level = パート別・レベル別のスコア
clear-level = このレベルの回答とチェックを消去
kept-in-browser = 回答とチェックはこのブラウザーにだけ保存されます。
worked-answers = 解答例
combined-relation-start = 問題は各レベルの自己評価と同じものです
combined-relation-end = 。回答とチェックは共有されます。レベルのページでのチェックはここに、ここでのチェックはそちらに反映されます。自己評価は一つのレベル内でパートに重みを付けますが、ここでは各パートの点数を全レベルで合計してから重みを付けるため、あるパートの点数が多いレベルほど比重が大きくなります。
each-level-score = 各レベルの自己評価スコア
what-total-means = 合計スコアの意味
clear-all = すべての回答とチェックを消去
kept-in-browser-all = 回答とチェックはこのブラウザーにだけ保存されます。ここで消去すると、各レベルの自己評価も消去されます。
combined-worked-start = 各問題の解答例は、そのレベルのページの問題の後にあります：
combined-worked-end = 。まずここで回答を書いてください。各問題の下のリンクから解答例を開けます。<a href="{ $url }">印刷用</a>には、すべての問題が評価基準と解答例付きで載っています。
template = テンプレート
copy-template = テンプレートをコピー
template-titled = テンプレート：{ $title }

## チェックリスト

checklist-intro = 日付順：各タスクを開始日から期日まで示します。キックオフ、フェーズ、所要期間、待機する作業から日程を決めています。<span class=crit-mark>クリティカルパス</span> の印が付いた行が最終期日を決めます。
download-csv = CSV をダウンロード
download-markdown = Markdown をダウンロード
add-to-calendar = カレンダーに追加（.ics）
record-ticks = チェックを Playbook に記録する
record-ticks-text = チェックはこのブラウザーに保存されます。チームと共有するには <code>content/progress/{ $market }.yaml</code> に追加してください。サイトで全員に表示されるようになります。
your-name = 名前
show-ticks-yaml = チェックを YAML で表示
ticks-yaml-label = 進捗ファイル用の YAML 形式のチェック
tasks-done = 完了したタスク
n-of-m-done = { $total } 件中 { $done } 件完了
reset-ticks = チェックをリセット
checklist-needs-js = このチェックリストには { $count } 件のタスクがあります。これほど長いチェックリストはブラウザーで組み立てるため、JavaScript が必要です。Playbook のフォルダーで <code>playbook checklist { $market } --format pdf</code> を実行すると印刷できます。
company-prerequisites = 全社の前提作業
prerequisites-lead = 全社で一度だけ行う作業です。この市場のフェーズはこれらを待ちます。
col-company-work = 全社の作業
needed-by = 必要とするもの：{ $list }
lead-name = リード { $name }
col-task = タスク
col-dates = 日程
signed-off = 承認者 ______________________ 日付 __________
from-date = { $date } から
also = 関連：
note-colon = 注記：
waits-for = 待機：
done-on = 完了 { $date }
done-by = （{ $name }）
critical-path = クリティカルパス
not-applicable = この市場には該当しないタスク
not-applicable-lead = このチェックリストから除外した Playbook のタスクとその理由です。
entry-left-out = 市場参入タスク { $count } 件：{ $name } は本拠市場です。
checklist-lead-kickoff = キックオフ <strong>{ $date }</strong>
checklist-lead-end = 最終期日 <strong>{ $date }</strong>（{ $days } 日、クリティカルパス：{ $count }件のタスク）
operations-lead = オペレーション責任者：{ $name }
chart-target = 目標 { $target }
draws-on = 参照：

## テーマのスクリプト（プレーンテキスト。"{q}" などはそのまま残してください）

js-facet-kind = 種類
js-offline = ディスクから開いています：タイトルのみ検索できます。全文検索にはサイトの配信（playbook serve）が必要です。
js-showing = 「{ $q }」の検索結果を表示しています。
js-all-results = 「{ $q }」の検索結果 { $n } 件をすべて表示 →
js-no-titles = 「{ $q }」に一致するページタイトルはありません。
js-nothing-matches = 「{ $q }」に一致するものはありません。
js-fulltext-failed = 全文検索を読み込めなかったため、一致するタイトルを表示しています。
js-results = { $n } 件の結果。
js-no-results = 「{ $q }」の結果は 0 件です。
js-search-instead = 代わりに「{ $q }」を検索
js-kind-framework = フレームワーク
js-kind-component = コンポーネント
js-kind-step = ステップ
js-kind-metric = 指標
js-kind-market = 市場
js-kind-regulation = 規制
js-kind-expert = 専門家
js-kind-research = 調査
js-kind-chapter = 章
js-kind-page = ページ
js-kind-task = タスク
js-chapters-read = { $total } 章中 { $n } 章を読了
js-untick-all = このチェックリストのすべてのチェックを外しますか？
js-yaml-none = # このブラウザーにはまだチェックがありません。完了したタスクにチェックしてから、もう一度ボタンを押してください。
js-yaml-paste = # 以下の行を content/progress/{ $market }.yaml の `done:` の下に貼り付けてください
js-yaml-create = # （ファイルがない場合は、1 行目を `done:` として作成してください）：
js-yaml-cli = # または Playbook のフォルダーで記録します：
js-state-done = 完了
js-state-launched = ローンチ済み
js-state-late = 遅延
js-state-not-started = 未着手
js-state-at-risk = リスクあり
js-state-on-track = 順調
js-n-overdue = 期限切れ { $n } 件
js-tasks = { $n }件のタスク
js-next-due = { $date }（{ $n }件のタスク）
js-n-launched = ローンチ済み { $n }
js-next-kickoff = 次のキックオフ：{ $name }（{ $date }）
js-nothing-overdue = 期限切れなし
js-launches-overdue = 期限切れの作業があるローンチ { $n } 件
js-on-day = { $date } 時点
js-tick-to-score = 回答が満たす評価基準の行にチェックすると、スコアが表示されます。
js-your-score = あなたのスコア：100 点中 { $score } 点。
js-clear-all-confirm = 各レベルのページも含め、すべての回答とチェックを消去しますか？
js-clear-level-confirm = このレベルの回答とチェックを消去しますか？
js-copied = コピーしました。
js-copy-failed = テキストを選択してコピーしてください。
js-month-ongoing = 継続

## サイトの Rust コードが表示する語：サイドバーのセクション、一覧ページのタイトル、パンくずリスト

nav-story = ストーリー
nav-frameworks = フレームワーク
nav-metrics = 指標
nav-markets = 市場
nav-status = ローンチ状況
nav-regulations = 規制
nav-experts = 専門家
nav-research = 調査
kinds-frameworks = フレームワーク
kinds-components = コンポーネント
kinds-steps = ステップ
kinds-tasks = タスク
kinds-metrics = 指標
kinds-markets = 市場
kinds-regulations = 規制
kinds-experts = 専門家
kinds-research = 調査
kinds-story-chapters = ストーリーの章

## ページの種類の名前（page-<種類の名前>）：固有のタイトルがないページの
## タイトル。前後のページへのリンクと <title> に使います

page-home = ホーム
page-story-index = ストーリー
page-chapter = ストーリーの章
page-learning-path = 学習パス
page-level-assessment = 自己評価
page-combined-assessment = 総合評価
page-portfolio = ポートフォリオ
page-frameworks-index = フレームワーク
page-framework = フレームワーク
page-component = コンポーネント
page-step = ステップ
page-metrics-index = 成功指標
page-metric = 指標
page-markets-index = 市場
page-market = 市場
page-market-checklist = ローンチチェックリスト
page-company-checklist = 全社プログラムのチェックリスト
page-status = ローンチ状況
page-regulations-index = 規制
page-regulation = 規制
page-experts-index = 専門家
page-expert = 専門家
page-research-index = 調査とツールキット
page-research = 調査
page-print = 印刷用
page-search = 検索
page-not-found = ページが見つかりません
market-launch-checklist = { $market }のローンチチェックリスト
# book.toml の [company] に名前がないときの全社チェックリスト。
company-program = 全社プログラム
print-title = { $book } — 印刷用

## フェーズや週のブロックの時期（市場のキックオフから数えて）

window-week = { $first }週目
window-weeks = { $first }～{ $last }週目
window-month = { $first }か月目
window-months = { $first }～{ $last }か月目
# 終わりのない期間：4か月目以降。
window-months-on = { $first }か月目以降
block-weeks-titled = { $window }（{ $first }～{ $last }週目）：{ $title }
block-titled = { $window }：{ $title }
# 学習パスのレベルの章を、そのセクション番号で示します。
sections-range = セクション { $first }～{ $last }
sections-list = セクション { $list }
level-chapters = { $count } 章

## グラフの代替テキスト

chart-launch-timeline = { $market }のローンチのタイムライン（キックオフ { $date } から）
chart-framework-timeline = { $title }のタイムライン
chart-component-timeline = { $title }のフェーズ（週単位のタイムライン）
heat-title = 市場別、月ごとに期日を迎える未完了タスク
## 各セルはグラフの見出し（期日を迎える未完了タスク）を繰り返さない：市場、月、件数だけ
heat-cell = { $market }、{ $month }：未完了 { $count } 件

## Markdown：注記ボックス（> [!NOTE]）の見出しと、各見出しのリンク

callout-note = 注記
callout-tip = ヒント
callout-important = 重要
callout-warning = 警告
callout-caution = 注意
heading-anchor = このセクションへのリンク

## The sidebar: a long list shows the block of entries around the page,
## between links to the section's page listing the rest.
nav-earlier = … 前の { $count } 件
nav-more = … ほか { $count } 件

## A market checklist's link back to its market's page.
market-page = 市場のページ

## A company prerequisite's kind on a market checklist.
prereq-kind-step = ステップ
prereq-kind-phase = フェーズ
