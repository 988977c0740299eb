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
