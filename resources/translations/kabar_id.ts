<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="85"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="93"/>
        <location filename="../../reader/ui/dialogs/accounts.py" line="139"/>
        <source>Add Account…</source>
        <translation>Tambah Akun…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="94"/>
        <source>Sync Now</source>
        <translation>Sinkronkan Sekarang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="95"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="114"/>
        <source>No account. Sync subscriptions, read and starred marks and collections with a feed-reader server (Google Reader API).</source>
        <translation>Belum ada akun. Sinkronkan langganan, tanda dibaca dan berbintang, serta koleksi dengan server pembaca feed (Google Reader API).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="119"/>
        <source>the system keyring</source>
        <translation>gantungan kunci sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="121"/>
        <source>a file only you can read</source>
        <translation>berkas yang hanya bisa Anda baca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="123"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Last sync: {2} · login kept in {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Sinkron terakhir: {2} · login disimpan di {3}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="127"/>
        <source>AppId {0} (its key kept with the login)</source>
        <translation>AppId {0} (kuncinya disimpan bersama login)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="131"/>
        <source>{0} changes wait for the next sync.</source>
        <translation>{0} perubahan menunggu sinkron berikutnya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="135"/>
        <source>Last error: {0}</source>
        <translation>Galat terakhir: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="139"/>
        <source>Log In Again…</source>
        <translation>Masuk Lagi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="158"/>
        <source>kept; type a new one to change it</source>
        <translation>tersimpan; ketik yang baru untuk menggantinya</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="40"/>
        <source>Add Account</source>
        <translation>Tambah Akun</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="47"/>
        <source>only if the server asks (Inoreader)</source>
        <translation>hanya jika server memintanya (Inoreader)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="50"/>
        <source>goes with the AppId</source>
        <translation>pasangan AppId</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="52"/>
        <source>FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux or CommaFeed: the server&apos;s home page or its API address. FreshRSS wants its API password; Inoreader also wants the AppId and AppKey of an application registered with it.</source>
        <translation>FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux atau CommaFeed: halaman depan server atau alamat API-nya. FreshRSS memerlukan kata sandi API-nya; Inoreader juga memerlukan AppId dan AppKey aplikasi yang didaftarkan padanya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="60"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="61"/>
        <source>User name:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="62"/>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="63"/>
        <source>AppId:</source>
        <translation>AppId:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="64"/>
        <source>AppKey:</source>
        <translation>AppKey:</translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="34"/>
        <source>Add Source</source>
        <translation>Tambah Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="38"/>
        <source>Paste the address of a news site or of its feed. Kabar finds the feeds a site offers and brings in full articles for offline reading.</source>
        <translation>Tempel alamat situs berita atau alamat umpannya. Kabar mencari umpan yang disediakan situs itu dan mengambil artikel lengkapnya untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="45"/>
        <source>Site or feed address</source>
        <translation>Alamat situs atau umpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="50"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="52"/>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="53"/>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="57"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../reader/ui/article_view.py" line="99"/>
        <source>Article</source>
        <extracomment>Characters per line for a comfortable reading column. Scheme of the links Kabar itself puts in its own pages (Retry, Open in browser). Elements removed with their content, and void elements removed, before Qt sees the HTML. Attributes through which Qt loads something (CSS url(), background pictures).</extracomment>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>CollectionPicker</name>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="38"/>
        <source>Save to Collection</source>
        <translation>Simpan ke Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="41"/>
        <source>Save “{0}” to:</source>
        <translation>Simpan “{0}” ke:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="41"/>
        <source>Save this article to:</source>
        <translation>Simpan artikel ini ke:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="45"/>
        <source>Collections</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="49"/>
        <source>New collection</source>
        <translation>Koleksi baru</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="50"/>
        <source>New collection name</source>
        <translation>Nama koleksi baru</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="51"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="116"/>
        <source>Delete Collection</source>
        <translation>Hapus Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="117"/>
        <source>Delete the collection “{0}”?</source>
        <translation>Hapus koleksi “{0}”?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/collections.py" line="119"/>
        <source>Its %n article(s) stay in the library but are no longer kept forever.</source>
        <translation>%n artikel di dalamnya tetap ada di pustaka, tetapi tidak lagi disimpan selamanya.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../reader/ui/controller.py" line="341"/>
        <source>This article was updated.</source>
        <extracomment>Images wider than this are scaled down in the worker (the view never needs more). Pictures decoded before an article is shown; the rest follow in the background (decoding takes 5-20 ms per picture, and a page may have dozens). A cached article is revalidated (conditional GET) only when older than this, and only after the reader has stayed on it this long. A &quot;loading&quot; page appears only when an article takes longer than this. How a nested folder path is written in a view key. Pictures decoded before showing (the first ones, at the top of the page). The other pictures&apos; bytes, decoded after the text is on screen. Other outlets&apos; tellings of the same story (&quot;Also reported by&quot;), all in the library. The article view now shows ``url`` (rendered, its first pictures ready). Every picture of the article at ``url`` is now in the view. Opening ``url`` failed; the view shows ``message`` in place. Something in the library changed (counts, collections, marks). An article was saved to collections (url, names). A related link was fetched into the library in the background. Sources changed (added, removed, refreshed, renamed). Adding ``url`` found several feeds; the user picks one (url, candidates). Refresh progress (a RefreshProgress) and the final report (a RefreshReport). A search found this many articles (query, count; count &gt; cap means &quot;more&quot;). Articles were marked read all at once (how many); the last batch can be undone. A link was kept to read when online (url); links kept so were fetched (urls). The reader split or merged stories: the shown article&apos;s &quot;Also reported by&quot; is now this (url of the article shown, tuple of RelatedLink). The title of the link that just failed to open (shown, and kept for later). The last &quot;mark all as read&quot;, as identity URLs: what Undo sets unread again. Width of the reading column, so pictures are sized in the worker.</extracomment>
        <translation>Artikel ini telah diperbarui.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="370"/>
        <source>No web browser is available to open the link; it was copied to the clipboard.</source>
        <translation>Tidak ada peramban web untuk membuka tautan ini; tautannya sudah disalin ke papan klip.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="372"/>
        <source>No web browser is available to open {0}.</source>
        <translation>Tidak ada peramban web untuk membuka {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="395"/>
        <source>Saved to Read later; Kabar will fetch it when you are back online.</source>
        <translation>Disimpan ke Baca nanti; Kabar akan mengambilnya saat Anda kembali daring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="425"/>
        <source>Links kept while offline are now in Read later: {0}.</source>
        <translation>Tautan yang disimpan saat luring kini ada di Baca nanti: {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="443"/>
        <source>Kept in the library; find it under All articles.</source>
        <translation>Disimpan di pustaka; temukan di Semua artikel.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="464"/>
        <source>Saved to {0}.</source>
        <translation>Disimpan ke {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="477"/>
        <source>Starred.</source>
        <translation>Diberi bintang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="477"/>
        <source>Star removed.</source>
        <translation>Bintang dihapus.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="507"/>
        <source>Shown apart.</source>
        <translation>Ditampilkan terpisah.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="512"/>
        <source>Shown as one story.</source>
        <translation>Ditampilkan sebagai satu berita.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="631"/>
        <source>Marked unread again.</source>
        <translation>Ditandai belum dibaca lagi.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="655"/>
        <source>Source added.</source>
        <translation>Sumber ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="677"/>
        <source>Working offline: refresh is off.</source>
        <translation>Bekerja luring: penyegaran dimatikan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="706"/>
        <source>Refresh stopped.</source>
        <translation>Penyegaran dihentikan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="730"/>
        <source>Working offline: only the library is used.</source>
        <translation>Bekerja luring: hanya pustaka yang digunakan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="732"/>
        <source>Back online.</source>
        <translation>Kembali daring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="755"/>
        <source>{0} on the page; shown in this computer&apos;s time</source>
        <translation>{0} menurut halaman; ditampilkan dalam waktu komputer ini</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/controller.py" line="761"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n menit baca</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="762"/>
        <source>By {0}</source>
        <translation>Oleh {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="763"/>
        <source>Read the original on the web</source>
        <translation>Baca artikel aslinya di web</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/controller.py" line="764"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="96"/>
        <source>Export Articles</source>
        <translation>Ekspor Artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="98"/>
        <source>Collections to export</source>
        <translation>Koleksi yang diekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="162"/>
        <source>Nothing checked: every saved and starred article.</source>
        <translation>Tidak ada yang dicentang: semua artikel yang disimpan dan dibintangi.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="110"/>
        <source>EPUB book (e-readers)</source>
        <translation>Buku EPUB (pembaca e-book)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="111"/>
        <source>Markdown notes (Obsidian, Logseq)</source>
        <translation>Catatan Markdown (Obsidian, Logseq)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="112"/>
        <source>HTML pages</source>
        <translation>Halaman HTML</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="113"/>
        <source>Kabar JSON (to restore elsewhere)</source>
        <translation>JSON Kabar (untuk dipulihkan di tempat lain)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="118"/>
        <location filename="../../reader/ui/dialogs/transfer.py" line="177"/>
        <source>Export to</source>
        <translation>Ekspor ke</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="119"/>
        <source>a file for EPUB and JSON, a folder otherwise</source>
        <translation>berkas untuk EPUB dan JSON, folder untuk lainnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="121"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="127"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="128"/>
        <source>Save to:</source>
        <translation>Simpan ke:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="133"/>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="139"/>
        <source>Collections:</source>
        <translation>Koleksi:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="164"/>
        <source>The articles of the checked collection.</source>
        <translation>Artikel dari koleksi yang dicentang.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/transfer.py" line="166"/>
        <source>The articles of the %n checked collections.</source>
        <translation>
            <numerusform>Artikel dari %n koleksi yang dicentang.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="181"/>
        <source>Export to folder</source>
        <translation>Ekspor ke folder</translation>
    </message>
</context>
<context>
    <name>FeedChooser</name>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="78"/>
        <source>Choose a Feed</source>
        <translation>Pilih Umpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="80"/>
        <source>{0} offers several feeds. Which one do you want?</source>
        <translation>{0} menyediakan beberapa umpan. Mana yang Anda inginkan?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="83"/>
        <source>Feeds</source>
        <translation>Umpan</translation>
    </message>
</context>
<context>
    <name>HeadlineDelegate</name>
    <message>
        <location filename="../../reader/ui/headlines.py" line="346"/>
        <source>{0} min</source>
        <translation>{0} mnt</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="348"/>
        <source>{0} h</source>
        <translation>{0} jam</translation>
    </message>
</context>
<context>
    <name>HeadlineModel</name>
    <message>
        <location filename="../../reader/ui/headlines.py" line="116"/>
        <source>+1 outlet</source>
        <extracomment>(start, end) character spans of the search terms in ``snippet``. &quot;+3 outlets&quot;: how many others told this story (the list shows it once). The page&apos;s (or feed&apos;s) date as it gave it, ISO 8601 with its own zone. A rule asked for this article to stand out. The story it tells (None before grouping) and how many articles tell it.</extracomment>
        <translation>+1 media</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="118"/>
        <source>+%n outlets</source>
        <translation>+%n media</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="120"/>
        <source>+%n more</source>
        <translation>+%n lainnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="285"/>
        <source>highlighted by a rule</source>
        <extracomment>``loader(last_row_or_None, offset, limit) -&gt; rows``; runs on a worker thread. Keyset paging uses the last row, offset paging (search) the offset. Emitted on the GUI thread after a page arrived (total rows so far). Loading a page failed (the error); the list keeps what it has.</extracomment>
        <translation>disorot oleh aturan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="330"/>
        <source>({0} on the page)</source>
        <translation>({0} menurut halaman)</translation>
    </message>
</context>
<context>
    <name>HeadlineView</name>
    <message>
        <location filename="../../reader/ui/source_list.py" line="159"/>
        <source>Show apart from its story</source>
        <extracomment>Show the article at this URL apart from its story (kept across refreshes). Show the first URL&apos;s story and the second&apos;s as one story (kept across refreshes).</extracomment>
        <translation>Tampilkan terpisah dari beritanya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="163"/>
        <source>Same story as</source>
        <translation>Berita yang sama dengan</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="54"/>
        <source>Import Saved Articles</source>
        <translation>Impor Artikel Tersimpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="57"/>
        <source>Kabar saves every link of &lt;b&gt;{0}&lt;/b&gt; with its date, tags and read or starred mark, then fetches each article for offline reading in the background.</source>
        <translation>Kabar menyimpan setiap tautan dari &lt;b&gt;{0}&lt;/b&gt; beserta tanggal, tag, dan tanda dibaca atau bintangnya, lalu mengambil setiap artikel di latar belakang agar bisa dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="62"/>
        <source>Tags and folders become collections</source>
        <translation>Tag dan folder menjadi koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="65"/>
        <source>named after the service</source>
        <translation>dinamai sesuai layanannya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="66"/>
        <source>Collection for links without tags</source>
        <translation>Koleksi untuk tautan tanpa tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="68"/>
        <source>Collection:</source>
        <translation>Koleksi:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="73"/>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>ListHeader</name>
    <message>
        <location filename="../../reader/ui/list_header.py" line="31"/>
        <source>Headline list</source>
        <extracomment>True: search only the place chosen before searching; False: everywhere.</extracomment>
        <translation>Daftar judul</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="32"/>
        <source>Unread</source>
        <translation>Belum dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="32"/>
        <source>Show only unread articles</source>
        <translation>Tampilkan hanya artikel yang belum dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="34"/>
        <source>Newest or oldest first</source>
        <translation>Terbaru atau terlama dulu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="38"/>
        <source>Search only here, or the whole library</source>
        <translation>Cari di sini saja, atau di seluruh pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="63"/>
        <source>Oldest first</source>
        <translation>Terlama dulu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="63"/>
        <source>Newest first</source>
        <translation>Terbaru dulu</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="66"/>
        <source>In {0}</source>
        <translation>Di {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="66"/>
        <source>Everywhere</source>
        <translation>Di mana saja</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="87"/>
        <source>Searching for “{0}”…</source>
        <translation>Mencari “{0}”…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="99"/>
        <source>No articles match “{0}”</source>
        <translation>Tidak ada artikel yang cocok dengan “{0}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="101"/>
        <source>More than {0} articles match “{1}”</source>
        <translation>Lebih dari {0} artikel cocok dengan “{1}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="103"/>
        <source>1 article matches “{0}”</source>
        <translation>1 artikel cocok dengan “{0}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_header.py" line="105"/>
        <source>{0} articles match “{1}”</source>
        <translation>{0} artikel cocok dengan “{1}”</translation>
    </message>
</context>
<context>
    <name>ListWiring</name>
    <message>
        <location filename="../../reader/ui/list_wiring.py" line="138"/>
        <source>Marked {0} as read (Ctrl+Z undoes it).</source>
        <extracomment>The search runs once the reader pauses typing this long. Places whose list can be filtered and sorted (a search is ordered by relevance). The place chosen in the tree (a search is narrowed to it on request).</extracomment>
        <translation>{0} ditandai sudah dibaca (Ctrl+Z membatalkannya).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/list_wiring.py" line="140"/>
        <source>Nothing here was unread.</source>
        <translation>Tidak ada yang belum dibaca di sini.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="106"/>
        <location filename="../../reader/ui/main_window.py" line="107"/>
        <source>Search the library</source>
        <extracomment>First-start window size (width, height), shrunk to fit smaller screens. The article column never gets narrower than this (about 60 characters): when the window narrows, the side panes yield first (and can be hidden from the View menu). All three together still fit an 800-pixel screen. Emitted once the window has saved its state and is really closing.</extracomment>
        <translation>Cari di pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="132"/>
        <source>&amp;Add Source…</source>
        <translation>&amp;Tambah Sumber…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="133"/>
        <source>&amp;Open Link…</source>
        <translation>&amp;Buka Tautan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="134"/>
        <source>&amp;Import Sources (OPML)…</source>
        <translation>&amp;Impor Sumber (OPML)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>&amp;Export Sources (OPML)…</source>
        <translation>&amp;Ekspor Sumber (OPML)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferensi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="145"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="150"/>
        <source>&amp;Refresh All</source>
        <translation>&amp;Segarkan Semua</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141"/>
        <source>Work O&amp;ffline</source>
        <translation>Bekerja &amp;Luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="136"/>
        <source>Import Saved Ar&amp;ticles…</source>
        <translation>Impor &amp;Artikel Tersimpan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="137"/>
        <source>E&amp;xport Articles…</source>
        <translation>Ekspor Artikel Ter&amp;simpan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="138"/>
        <source>Stop Import or Export</source>
        <translation>Hentikan Impor atau Ekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151"/>
        <source>Refresh S&amp;ource</source>
        <translation>Segarkan S&amp;umber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152"/>
        <source>S&amp;top Refreshing</source>
        <translation>&amp;Hentikan Penyegaran</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="154"/>
        <source>&amp;Search Library</source>
        <translation>&amp;Cari di Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="156"/>
        <source>&amp;Bigger Text</source>
        <translation>Teks Lebih &amp;Besar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="157"/>
        <source>S&amp;maller Text</source>
        <translation>Teks Lebih &amp;Kecil</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <source>&amp;Normal Text Size</source>
        <translation>Ukuran Teks &amp;Normal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="162"/>
        <source>Show &amp;Images</source>
        <translation>Tampilkan &amp;Gambar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="165"/>
        <source>So&amp;urces</source>
        <translation>Su&amp;mber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="166"/>
        <source>R&amp;ead More</source>
        <translation>Baca &amp;Juga</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="177"/>
        <source>Follow the &amp;System</source>
        <translation>Ikuti &amp;Sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="178"/>
        <source>&amp;Light</source>
        <translation>&amp;Terang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="179"/>
        <source>&amp;Dark</source>
        <translation>&amp;Gelap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="180"/>
        <source>S&amp;epia</source>
        <translation>Se&amp;pia</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="187"/>
        <source>&amp;Next Article</source>
        <translation>Artikel &amp;Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="188"/>
        <source>&amp;Previous Article</source>
        <translation>Artikel &amp;Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="189"/>
        <source>Next &amp;Unread</source>
        <translation>Belum &amp;Dibaca Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="190"/>
        <source>Page Down, then Next</source>
        <translation>Gulir ke Bawah, lalu Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="191"/>
        <source>Page Up, then Previous</source>
        <translation>Gulir ke Atas, lalu Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="192"/>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="193"/>
        <source>&amp;Forward</source>
        <translation>&amp;Maju</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="195"/>
        <source>&amp;Save to Collection…</source>
        <translation>&amp;Simpan ke Koleksi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196"/>
        <source>S&amp;tar</source>
        <translation>&amp;Bintangi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="197"/>
        <source>Mark &amp;Read/Unread</source>
        <translation>Tandai Sudah/Belum &amp;Dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="198"/>
        <source>Mark &amp;All as Read</source>
        <translation>T&amp;andai Semua Sudah Dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="199"/>
        <source>&amp;Undo Mark All as Read</source>
        <translation>&amp;Urungkan Tandai Semua</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="200"/>
        <source>Open in &amp;Browser</source>
        <translation>Buka di &amp;Peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="201"/>
        <source>&amp;Copy Link</source>
        <translation>Salin &amp;Tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="202"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Pintasan Papan Ketik</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="203"/>
        <source>&amp;About Kabar</source>
        <translation>&amp;Tentang Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="207"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="216"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="225"/>
        <source>&amp;Theme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="227"/>
        <source>&amp;Go</source>
        <translation>Na&amp;vigasi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="239"/>
        <source>&amp;Article</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="244"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="248"/>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="139"/>
        <location filename="../../reader/ui/main_window.py" line="275"/>
        <location filename="../../reader/ui/main_window.py" line="291"/>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="277"/>
        <location filename="../../reader/ui/main_window.py" line="386"/>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="279"/>
        <source>Network status</source>
        <translation>Status jaringan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="300"/>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="330"/>
        <source>Welcome to Kabar</source>
        <translation>Selamat datang di Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="332"/>
        <source>Clean articles, related reading one click away, and everything kept for offline.</source>
        <translation>Artikel yang bersih, bacaan terkait hanya sekali klik, dan semuanya tersimpan untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="335"/>
        <source>Add a news source with &lt;b&gt;Ctrl+N&lt;/b&gt;, or pick from the starter list.</source>
        <translation>Tambahkan sumber berita dengan &lt;b&gt;Ctrl+N&lt;/b&gt;, atau pilih dari daftar sumber awal.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="337"/>
        <source>Paste any article link with &lt;b&gt;Ctrl+L&lt;/b&gt; to read it cleaned.</source>
        <translation>Tempel tautan artikel apa pun dengan &lt;b&gt;Ctrl+L&lt;/b&gt; untuk membacanya tanpa gangguan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="338"/>
        <source>Press &lt;b&gt;S&lt;/b&gt; to keep an article in a collection forever.</source>
        <translation>Tekan &lt;b&gt;S&lt;/b&gt; untuk menyimpan artikel di koleksi selamanya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="339"/>
        <source>Start with well-known news outlets</source>
        <translation>Mulai dengan media berita ternama</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="340"/>
        <source>Add your own source</source>
        <translation>Tambahkan sumber Anda sendiri</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="347"/>
        <source>Opening the article…</source>
        <translation>Membuka artikel…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="348"/>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="354"/>
        <source>Opening {0}…</source>
        <translation>Membuka {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="365"/>
        <source>Read when online</source>
        <translation>Baca saat daring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="367"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="369"/>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="386"/>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="61"/>
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="67"/>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="68"/>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="69"/>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="70"/>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="83"/>
        <source>Show pictures in articles</source>
        <translation>Tampilkan gambar dalam artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="85"/>
        <location filename="../../reader/ui/dialogs/preferences.py" line="127"/>
        <source>Reading</source>
        <translation>Membaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="87"/>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="88"/>
        <source>Font:</source>
        <translation>Font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="89"/>
        <source>Text size:</source>
        <translation>Ukuran teks:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="98"/>
        <source>Saved and starred articles are kept whatever this limit; others are removed oldest-read first when the library grows beyond it.</source>
        <translation>Artikel tersimpan dan berbintang selalu dipertahankan, berapa pun batas ini; artikel lain dihapus mulai dari yang paling lama dibaca saat pustaka melampauinya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="101"/>
        <source>Reading one outlet&apos;s article marks its story read</source>
        <translation>Membaca artikel satu media menandai seluruh beritanya sudah dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="103"/>
        <location filename="../../reader/ui/dialogs/preferences.py" line="128"/>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="105"/>
        <source>Keep up to:</source>
        <translation>Simpan hingga:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="111"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="113"/>
        <source>Add starter sources…</source>
        <translation>Tambah sumber awal…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="115"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="117"/>
        <source>Refresh every:</source>
        <translation>Segarkan setiap:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="130"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="132"/>
        <source>Rules</source>
        <translation>Aturan</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="42"/>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="43"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="44"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="45"/>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="47"/>
        <source>&amp;Undo</source>
        <translation>&amp;Batalkan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="48"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ulangi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="49"/>
        <source>Cu&amp;t</source>
        <translation>P&amp;otong</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="50"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="51"/>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="52"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="53"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="36"/>
        <source>OK</source>
        <extracomment>Strings of Qt&apos;s own widgets that appear in Kabar, for lupdate to collect.</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="37"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="38"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="39"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="40"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="55"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="56"/>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Alamat Tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="57"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>RelatedPanel</name>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="76"/>
        <source>Read more</source>
        <extracomment>One click or Enter: open this link in the article view. Middle-click or Ctrl+click: fetch into the library in the background. Context menu actions. &quot;Not the same story&quot;: show this telling apart from the shown article&apos;s story.</extracomment>
        <translation>Baca juga</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="81"/>
        <source>Related links</source>
        <translation>Tautan terkait</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="89"/>
        <source>Links the article offers for further reading appear here.</source>
        <translation>Tautan bacaan lanjutan dari artikel akan muncul di sini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="115"/>
        <source>Also reported by</source>
        <translation>Juga diberitakan oleh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="116"/>
        <source>In the text</source>
        <translation>Di dalam teks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="117"/>
        <source>From this page</source>
        <translation>Dari halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="211"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="213"/>
        <source>Keep for offline reading</source>
        <translation>Simpan untuk dibaca luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="216"/>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="218"/>
        <source>Copy link</source>
        <translation>Salin tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="221"/>
        <source>Save to collection…</source>
        <translation>Simpan ke koleksi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="225"/>
        <source>Not the same story</source>
        <translation>Bukan berita yang sama</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="300"/>
        <source>opening…</source>
        <translation>membuka…</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="76"/>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="76"/>
        <source>Edit Rule</source>
        <translation>Ubah Aturan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="81"/>
        <source>optional, e.g. “No celebrity gossip”</source>
        <translation>boleh kosong, mis. “Tanpa gosip selebriti”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="83"/>
        <source>the title</source>
        <translation>judul</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="84"/>
        <source>the title or the text</source>
        <translation>judul atau isinya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="86"/>
        <source>any of these words</source>
        <translation>salah satu kata ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="87"/>
        <source>this pattern (regular expression)</source>
        <translation>pola ini (ekspresi reguler)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="90"/>
        <source>every source</source>
        <translation>semua sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="94"/>
        <source>hide the article</source>
        <translation>sembunyikan artikelnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="95"/>
        <source>mark it read</source>
        <translation>tandai sudah dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="96"/>
        <source>highlight it</source>
        <translation>sorot</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="109"/>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="110"/>
        <source>When:</source>
        <translation>Jika:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="111"/>
        <source>has:</source>
        <translation>memuat:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="113"/>
        <source>in:</source>
        <translation>di:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="114"/>
        <source>then:</source>
        <translation>maka:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="143"/>
        <source>gossip, celebrity, world cup</source>
        <translation>gosip, selebriti, piala dunia</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="143"/>
        <source>^LIVE:|\bbreaking\b</source>
        <translation>^LIVE:|\bsiaran langsung\b</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="152"/>
        <source>Write what the rule should look for.</source>
        <translation>Tulis apa yang dicari aturan ini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="155"/>
        <source>Looking through the library…</source>
        <translation>Memeriksa pustaka…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="168"/>
        <source>Among the newest articles of your sources, {0} match now.</source>
        <translation>Di antara artikel terbaru dari sumber Anda, {0} cocok saat ini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="171"/>
        <source>No article of your sources matches now.</source>
        <translation>Belum ada artikel dari sumber Anda yang cocok.</translation>
    </message>
</context>
<context>
    <name>RulesBox</name>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="45"/>
        <source>Hide</source>
        <extracomment>The preview runs once the reader pauses typing this long.</extracomment>
        <translation>Sembunyikan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="46"/>
        <source>Mark read</source>
        <translation>Tandai dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="47"/>
        <source>Highlight</source>
        <translation>Sorot</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="50"/>
        <source>the title</source>
        <translation>judul</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="52"/>
        <source>the title or text</source>
        <translation>judul atau isinya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="54"/>
        <source>{0} has “{1}”</source>
        <translation>{0} memuat “{1}”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="56"/>
        <source>{0} matches /{1}/</source>
        <translation>{0} cocok dengan /{1}/</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="58"/>
        <source>every source</source>
        <translation>semua sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="61"/>
        <source>a source no longer followed</source>
        <translation>sumber yang tidak lagi diikuti</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="63"/>
        <source>{0} when {1} · {2}</source>
        <translation>{0} jika {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="197"/>
        <source>Rules hide, mark read or highlight new articles whose title or text has some words or matches a pattern. They apply as sources are refreshed and synced, and to what is already in the library when you make them.</source>
        <extracomment>A rule dialog wants its rule tried on the library: (dialog, rule).</extracomment>
        <translation>Aturan menyembunyikan, menandai dibaca, atau menyorot artikel baru yang judul atau isinya memuat kata tertentu atau cocok dengan suatu pola. Aturan berlaku saat sumber disegarkan dan disinkronkan, dan pada isi pustaka saat aturan dibuat.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="205"/>
        <source>Rules</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="210"/>
        <source>No rules yet.</source>
        <translation>Belum ada aturan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="212"/>
        <source>Add Rule…</source>
        <translation>Tambah Aturan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="213"/>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="214"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules.py" line="259"/>
        <source>Untick to switch the rule off without deleting it.</source>
        <translation>Hapus centang untuk mematikan aturan tanpa menghapusnya.</translation>
    </message>
</context>
<context>
    <name>RulesWiring</name>
    <message>
        <location filename="../../reader/ui/rules_wiring.py" line="81"/>
        <source>Rules saved and applied to the library.</source>
        <translation>Aturan disimpan dan diterapkan pada pustaka.</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="43"/>
        <source>Keyboard Shortcuts</source>
        <extracomment>Keys of special keyboards (media, browser keys): real, but not what the sheet should teach.</extracomment>
        <translation>Pintasan Papan Ketik</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="49"/>
        <source>or</source>
        <translation>atau</translation>
    </message>
</context>
<context>
    <name>SourceList</name>
    <message>
        <location filename="../../reader/ui/source_list.py" line="219"/>
        <source>Sources and collections</source>
        <extracomment>(kind, key): &quot;all&quot; | &quot;unread&quot; | &quot;starred&quot; | &quot;collection&quot; | &quot;source&quot; (kind, key): mark every unread article of that place read.</extracomment>
        <translation>Sumber dan koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="232"/>
        <source>Headlines</source>
        <translation>Judul berita</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="277"/>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="278"/>
        <source>All articles</source>
        <translation>Semua artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="279"/>
        <source>Unread</source>
        <translation>Belum dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="280"/>
        <source>Starred</source>
        <translation>Berbintang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="66"/>
        <location filename="../../reader/ui/source_list.py" line="281"/>
        <source>Read later</source>
        <extracomment>Headlines offered under &quot;Same story as&quot; (the nearest ones in the list).</extracomment>
        <translation>Baca nanti</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="282"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="283"/>
        <source>Collections</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="314"/>
        <source>Press S to save an article</source>
        <translation>Tekan S untuk menyimpan artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="359"/>
        <source>Add a source with Ctrl+N</source>
        <translation>Tambah sumber dengan Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="443"/>
        <source>Mark All as Read</source>
        <translation>Tandai Semua Sudah Dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="447"/>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="448"/>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="450"/>
        <source>New collection…</source>
        <translation>Koleksi baru…</translation>
    </message>
</context>
<context>
    <name>SourcesWiring</name>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="76"/>
        <source>Starter sources added; refreshing them now.</source>
        <translation>Sumber awal ditambahkan; sedang disegarkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="170"/>
        <source>Sources {0} of {1} · articles {2}</source>
        <translation>Sumber {0} dari {1} · artikel {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="184"/>
        <source>{0} new headlines, {1} articles kept for offline reading.</source>
        <translation>{0} judul baru, {1} artikel disimpan untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="188"/>
        <source>{0} sources failed; see the marks in the list.</source>
        <translation>{0} sumber gagal; lihat tandanya di daftar.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="192"/>
        <source>Sync failed: {0}</source>
        <translation>Sinkron gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="202"/>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="204"/>
        <source>Mark All as Read</source>
        <translation>Tandai Semua Sudah Dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="207"/>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="208"/>
        <source>Move to Folder…</source>
        <translation>Pindahkan ke Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="209"/>
        <source>Fetch Full Articles</source>
        <translation>Ambil Artikel Lengkap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="215"/>
        <source>Allow Private Addresses</source>
        <translation>Izinkan Alamat Privat</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="220"/>
        <source>Let this source&apos;s items, pictures and redirects reach this computer and the local network (for a feed you host yourself).</source>
        <translation>Izinkan item, gambar, dan pengalihan dari sumber ini menjangkau komputer ini dan jaringan lokal (untuk feed yang Anda kelola sendiri).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="229"/>
        <source>Open Site in Browser</source>
        <translation>Buka Situs di Peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="234"/>
        <source>Last error: {0}</source>
        <translation>Kesalahan terakhir: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="239"/>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="247"/>
        <source>Refused: 1 item points into a private network.</source>
        <translation>Ditolak: 1 item menunjuk ke jaringan privat.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="248"/>
        <source>Refused: {0} items point into a private network.</source>
        <translation>Ditolak: {0} item menunjuk ke jaringan privat.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="251"/>
        <source>Rename Source</source>
        <translation>Ganti Nama Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="251"/>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="264"/>
        <source>Move to Folder</source>
        <translation>Pindahkan ke Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="265"/>
        <source>Folder (empty for none):</source>
        <translation>Folder (kosongkan jika tanpa folder):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="278"/>
        <source>Delete Source</source>
        <translation>Hapus Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="280"/>
        <source>Stop following “{0}”? Articles you saved or starred stay in the library.</source>
        <translation>Berhenti mengikuti “{0}”? Artikel yang Anda simpan atau beri bintang tetap ada di pustaka.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="287"/>
        <source>Source deleted.</source>
        <translation>Sumber dihapus.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="294"/>
        <source>Import Sources</source>
        <translation>Impor Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="296"/>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Berkas OPML (*.opml *.xml);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="310"/>
        <source>Sources imported; refreshing them now.</source>
        <translation>Sumber diimpor; sedang disegarkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="315"/>
        <source>Export Sources</source>
        <translation>Ekspor Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="317"/>
        <source>OPML files (*.opml)</source>
        <translation>Berkas OPML (*.opml)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="329"/>
        <source>Sources exported to {0}.</source>
        <translation>Sumber diekspor ke {0}.</translation>
    </message>
</context>
<context>
    <name>StarterDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="113"/>
        <source>Starter Sources</source>
        <translation>Sumber Awal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="115"/>
        <source>Start with some well-known outlets. You can remove any later.</source>
        <translation>Mulailah dengan beberapa media ternama. Anda bisa menghapusnya kapan saja.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="118"/>
        <source>Starter sources by language</source>
        <translation>Sumber awal menurut bahasa</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/sources.py" line="131"/>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
</context>
<context>
    <name>TransferWiring</name>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="50"/>
        <source>Import Saved Articles</source>
        <translation>Impor Artikel Tersimpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="53"/>
        <source>Exports of Pocket, Instapaper, wallabag, Omnivore, bookmarks, Kabar (*.csv *.zip *.html *.htm *.json);;All files (*)</source>
        <translation>Ekspor Pocket, Instapaper, wallabag, Omnivore, markah, Kabar (*.csv *.zip *.html *.htm *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="92"/>
        <source>the earlier import</source>
        <translation>impor sebelumnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="93"/>
        <source>Importing {0}</source>
        <translation>Mengimpor {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="148"/>
        <source>1 link saved;</source>
        <translation>1 tautan disimpan;</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="149"/>
        <source>%n links saved;</source>
        <translation>
            <numerusform>%n tautan disimpan;</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="153"/>
        <source>1 article kept for offline reading.</source>
        <translation>1 artikel siap dibaca luring.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="154"/>
        <source>%n articles kept for offline reading.</source>
        <translation>
            <numerusform>%n artikel siap dibaca luring.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="158"/>
        <source>1 article could not be fetched; its link is saved.</source>
        <translation>1 artikel tidak dapat diambil; tautannya tetap disimpan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="159"/>
        <source>%n articles could not be fetched; their links are saved.</source>
        <translation>
            <numerusform>%n artikel tidak dapat diambil; tautannya tetap disimpan.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="163"/>
        <source>1 row of the file was not imported.</source>
        <translation>1 baris berkas tidak diimpor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="164"/>
        <source>%n rows of the file were not imported.</source>
        <translation>
            <numerusform>%n baris berkas tidak diimpor.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="188"/>
        <source>Exported 1 article to {0}.</source>
        <translation>1 artikel diekspor ke {0}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="190"/>
        <source>Exported %n articles to {0}.</source>
        <translation>
            <numerusform>%n artikel diekspor ke {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="258"/>
        <source>{0}: {1} of 1 article</source>
        <translation>{0}: {1} dari 1 artikel</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/transfer_wiring.py" line="260"/>
        <source>{0}: {1} of %n articles</source>
        <translation>
            <numerusform>{0}: {1} dari %n artikel</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="123"/>
        <source>{0} still to fetch; Kabar continues next time.</source>
        <translation>{0} belum diambil; Kabar melanjutkannya lain kali.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="129"/>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="181"/>
        <source>Exporting</source>
        <translation>Mengekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="198"/>
        <source>Wait for the current import or export to finish.</source>
        <translation>Tunggu impor atau ekspor yang sedang berjalan selesai.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="263"/>
        <source>({0} failed)</source>
        <translation>({0} gagal)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="278"/>
        <source>Stopped. Links already saved stay; the rest is fetched next time.</source>
        <translation>Dihentikan. Tautan yang sudah disimpan tetap ada; sisanya diambil lain kali.</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <location filename="../../reader/ui/gui.py" line="295"/>
        <source>from the library</source>
        <translation>dari pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="295"/>
        <source>fetched</source>
        <translation>diunduh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="349"/>
        <source>No more unread articles here.</source>
        <translation>Tidak ada lagi artikel yang belum dibaca di sini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="364"/>
        <source>Open Link</source>
        <translation>Buka Tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="364"/>
        <source>Address of an article to read:</source>
        <translation>Alamat artikel yang ingin dibaca:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="400"/>
        <source>New Collection</source>
        <translation>Koleksi Baru</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="400"/>
        <source>Name of the new collection:</source>
        <translation>Nama koleksi baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="406"/>
        <source>Rename Collection</source>
        <translation>Ganti Nama Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="406"/>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="473"/>
        <source>Library repaired</source>
        <translation>Pustaka diperbaiki</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="483"/>
        <source>The copy of your saved things beside the library was damaged ({0}). Kabar wrote a new one from the library. Nothing was lost.</source>
        <translation>Salinan barang tersimpan Anda di samping pustaka rusak ({0}). Kabar menulis salinan baru dari pustaka. Tidak ada yang hilang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="488"/>
        <source>The library was damaged ({0}). Kabar rebuilt it from the copy of your saved things: {1} of {2} saved articles with their text, {3} starred, {4} read marks and {5} sources came back. Articles you had not saved or starred are fetched again as you read.</source>
        <translation>Pustaka rusak ({0}). Kabar membangunnya kembali dari salinan barang tersimpan Anda: {1} dari {2} artikel tersimpan beserta teksnya, {3} berbintang, {4} tanda sudah dibaca, dan {5} sumber kembali. Artikel yang tidak Anda simpan atau beri bintang diambil lagi saat Anda membaca.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="496"/>
        <source>The library was damaged ({0}). Kabar restored the backup from {1}: {2} saved articles came back. What you saved, starred or read after that is lost.</source>
        <translation>Pustaka rusak ({0}). Kabar memulihkan cadangan dari {1}: {2} artikel tersimpan kembali. Yang Anda simpan, beri bintang, atau baca setelah itu hilang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="501"/>
        <source>The library was damaged ({0}) and no copy or backup was found; Kabar started a new, empty library.</source>
        <translation>Pustaka rusak ({0}) dan tidak ada salinan maupun cadangan; Kabar memulai pustaka baru yang kosong.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="504"/>
        <source>The damaged file was kept as {0}.</source>
        <translation>Berkas yang rusak disimpan sebagai {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="611"/>
        <source>Logging in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="617"/>
        <source>Logged in. The next refresh syncs (or Sync Now).</source>
        <translation>Berhasil masuk. Penyegaran berikutnya akan menyinkronkan (atau Sinkronkan Sekarang).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="622"/>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="636"/>
        <source>Removing…</source>
        <translation>Menghapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="640"/>
        <source>Removed; the library keeps everything it has.</source>
        <translation>Dihapus; pustaka tetap menyimpan semua isinya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="648"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="683"/>
        <source>About Kabar</source>
        <translation>Tentang Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="685"/>
        <source>&lt;h3&gt;Kabar {0}&lt;/h3&gt;&lt;p&gt;A calm news reader: clean articles, related reading one click away, everything kept for offline.&lt;/p&gt;&lt;p&gt;Your library is in {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kabar {0}&lt;/h3&gt;&lt;p&gt;Pembaca berita yang tenang: artikel yang bersih, bacaan terkait hanya sekali klik, semuanya tersimpan untuk dibaca luring.&lt;/p&gt;&lt;p&gt;Pustaka Anda ada di {1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../reader/ui/errors.py" line="36"/>
        <source>Not available offline</source>
        <extracomment>Offer &quot;Read when online&quot;: keep the link and fetch it when the network is back.</extracomment>
        <translation>Tidak tersedia saat luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="37"/>
        <source>Kabar has not kept this article, and it is working offline.</source>
        <translation>Kabar belum menyimpan artikel ini, dan sedang bekerja luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="44"/>
        <source>This address cannot be opened</source>
        <translation>Alamat ini tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="48"/>
        <source>This page no longer exists</source>
        <translation>Halaman ini sudah tidak ada</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="50"/>
        <source>The site refused to show this page</source>
        <translation>Situs menolak menampilkan halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="52"/>
        <source>The site asks us to slow down</source>
        <translation>Situs meminta kami memperlambat akses</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="53"/>
        <source>The site had a problem</source>
        <translation>Situs sedang bermasalah</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="55"/>
        <source>The site took too long to answer</source>
        <translation>Situs terlalu lama merespons</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="57"/>
        <source>Could not reach the site</source>
        <translation>Tidak dapat menghubungi situs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="60"/>
        <source>The site&apos;s security certificate is not valid</source>
        <translation>Sertifikat keamanan situs tidak valid</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="64"/>
        <source>This is not a page Kabar can show</source>
        <translation>Ini bukan halaman yang dapat ditampilkan Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="67"/>
        <source>No article found on this page</source>
        <translation>Tidak ada artikel di halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="70"/>
        <source>This is not a news feed Kabar can read</source>
        <translation>Ini bukan umpan berita yang dapat dibaca Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="73"/>
        <source>The disk is full</source>
        <translation>Disk penuh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="75"/>
        <source>The library had a problem</source>
        <translation>Pustaka mengalami masalah</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="77"/>
        <source>Could not load this page</source>
        <translation>Tidak dapat memuat halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="79"/>
        <location filename="../../reader/ui/errors.py" line="81"/>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="82"/>
        <source>Kabar hit an unexpected error: {0}</source>
        <translation>Kabar mengalami kesalahan tak terduga: {0}</translation>
    </message>
</context>
</TS>
