<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountsBox</name>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="74"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="82"/>
        <location filename="../../reader/ui/dialogs/accounts.py" line="124"/>
        <source>Add Account…</source>
        <translation>Tambah Akun…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="83"/>
        <source>Sync Now</source>
        <translation>Sinkronkan Sekarang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="84"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="103"/>
        <source>No account. Sync subscriptions, read and starred marks and collections with a feed-reader server (Google Reader API).</source>
        <translation>Belum ada akun. Sinkronkan langganan, tanda dibaca dan berbintang, serta koleksi dengan server pembaca feed (Google Reader API).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="108"/>
        <source>the system keyring</source>
        <translation>gantungan kunci sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="110"/>
        <source>a file only you can read</source>
        <translation>berkas yang hanya bisa Anda baca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="112"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Last sync: {2} · login kept in {3}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1}&lt;br&gt;Sinkron terakhir: {2} · login disimpan di {3}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="116"/>
        <source>{0} changes wait for the next sync.</source>
        <translation>{0} perubahan menunggu sinkron berikutnya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="120"/>
        <source>Last error: {0}</source>
        <translation>Galat terakhir: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="124"/>
        <source>Log In Again…</source>
        <translation>Masuk Lagi…</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="38"/>
        <source>Add Account</source>
        <translation>Tambah Akun</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="45"/>
        <source>FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux or CommaFeed: the server&apos;s home page or its API address. FreshRSS wants its API password.</source>
        <translation>FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux atau CommaFeed: halaman depan server atau alamat API-nya. FreshRSS memerlukan kata sandi API-nya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="51"/>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="52"/>
        <source>User name:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/accounts.py" line="53"/>
        <source>Password:</source>
        <translation>Kata sandi:</translation>
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
        <location filename="../../reader/ui/article_view.py" line="97"/>
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
        <location filename="../../reader/ui/controller.py" line="299"/>
        <source>This article was updated.</source>
        <extracomment>Images wider than this are scaled down in the worker (the view never needs more). Pictures decoded before an article is shown; the rest follow in the background (decoding takes 5-20 ms per picture, and a page may have dozens). A cached article is revalidated (conditional GET) only when older than this, and only after the reader has stayed on it this long. A &quot;loading&quot; page appears only when an article takes longer than this. How a nested folder path is written in a view key. Pictures decoded before showing (the first ones, at the top of the page). The other pictures&apos; bytes, decoded after the text is on screen. Other outlets&apos; tellings of the same story (&quot;Also reported by&quot;), all in the library. The article view now shows ``url`` (rendered, its first pictures ready). Every picture of the article at ``url`` is now in the view. Opening ``url`` failed; the view shows ``message`` in place. Something in the library changed (counts, collections, marks). An article was saved to collections (url, names). A related link was fetched into the library in the background. Sources changed (added, removed, refreshed, renamed). Adding ``url`` found several feeds; the user picks one (url, candidates). Refresh progress (a RefreshProgress) and the final report (a RefreshReport). Width of the reading column, so pictures are sized in the worker.</extracomment>
        <translation>Artikel ini telah diperbarui.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="335"/>
        <source>Saved for offline reading.</source>
        <translation>Disimpan untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="356"/>
        <source>Saved to {0}.</source>
        <translation>Disimpan ke {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="369"/>
        <source>Starred.</source>
        <translation>Diberi bintang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="369"/>
        <source>Star removed.</source>
        <translation>Bintang dihapus.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="457"/>
        <source>Source added.</source>
        <translation>Sumber ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="472"/>
        <source>Working offline: refresh is off.</source>
        <translation>Bekerja luring: penyegaran dimatikan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="499"/>
        <source>Refresh stopped.</source>
        <translation>Penyegaran dihentikan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="523"/>
        <source>Working offline: only the library is used.</source>
        <translation>Bekerja luring: hanya pustaka yang digunakan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="525"/>
        <source>Back online.</source>
        <translation>Kembali daring.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/controller.py" line="541"/>
        <source>%n min read</source>
        <translation>
            <numerusform>%n menit baca</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="542"/>
        <source>By {0}</source>
        <translation>Oleh {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/controller.py" line="543"/>
        <source>Read the original on the web</source>
        <translation>Baca artikel aslinya di web</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/controller.py" line="544"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="76"/>
        <source>Export Articles</source>
        <translation>Ekspor Artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="78"/>
        <source>Collections to export</source>
        <translation>Koleksi yang diekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="84"/>
        <source>Nothing checked: every saved and starred article.</source>
        <translation>Tidak ada yang dicentang: semua artikel yang disimpan dan dibintangi.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="88"/>
        <source>EPUB book (e-readers)</source>
        <translation>Buku EPUB (pembaca e-book)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="89"/>
        <source>Markdown notes (Obsidian, Logseq)</source>
        <translation>Catatan Markdown (Obsidian, Logseq)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="90"/>
        <source>HTML pages</source>
        <translation>Halaman HTML</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="91"/>
        <source>Kabar JSON (to restore elsewhere)</source>
        <translation>JSON Kabar (untuk dipulihkan di tempat lain)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="96"/>
        <location filename="../../reader/ui/dialogs/transfer.py" line="134"/>
        <source>Export to</source>
        <translation>Ekspor ke</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="97"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="103"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="104"/>
        <source>Save to:</source>
        <translation>Simpan ke:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="108"/>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="112"/>
        <source>Collections:</source>
        <translation>Koleksi:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="137"/>
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
        <location filename="../../reader/ui/headlines.py" line="256"/>
        <source>{0} min</source>
        <extracomment>``loader(last_row_or_None, offset, limit) -&gt; rows``; runs on a worker thread. Keyset paging uses the last row, offset paging (search) the offset. Emitted on the GUI thread after a page arrived (total rows so far). Loading a page failed (the error); the list keeps what it has.</extracomment>
        <translation>{0} mnt</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="258"/>
        <source>{0} h</source>
        <translation>{0} jam</translation>
    </message>
</context>
<context>
    <name>HeadlineModel</name>
    <message>
        <location filename="../../reader/ui/headlines.py" line="95"/>
        <source>+1 outlet</source>
        <extracomment>(start, end) character spans of the search terms in ``snippet``. &quot;+3 outlets&quot;: how many others told this story (the list shows it once).</extracomment>
        <translation>+1 media</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="97"/>
        <source>+%n outlets</source>
        <translation>+%n media</translation>
    </message>
    <message>
        <location filename="../../reader/ui/headlines.py" line="99"/>
        <source>+%n more</source>
        <translation>+%n lainnya</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="36"/>
        <source>Import Saved Articles</source>
        <extracomment>Export formats: (key the CLI takes, file suffix; &quot;&quot; for a folder).</extracomment>
        <translation>Impor Artikel Tersimpan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="39"/>
        <source>Kabar saves every link of &lt;b&gt;{0}&lt;/b&gt; with its date, tags and read or starred mark, then fetches each article for offline reading in the background.</source>
        <translation>Kabar menyimpan setiap tautan dari &lt;b&gt;{0}&lt;/b&gt; beserta tanggal, tag, dan tanda dibaca atau bintangnya, lalu mengambil setiap artikel di latar belakang agar bisa dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="44"/>
        <source>Tags and folders become collections</source>
        <translation>Tag dan folder menjadi koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="47"/>
        <source>named after the service</source>
        <translation>dinamai sesuai layanannya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="48"/>
        <source>Collection for links without tags</source>
        <translation>Koleksi untuk tautan tanpa tag</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="50"/>
        <source>Collection:</source>
        <translation>Koleksi:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/transfer.py" line="55"/>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/main_window.py" line="73"/>
        <location filename="../../reader/ui/main_window.py" line="74"/>
        <source>Search the library</source>
        <extracomment>First-start window size (width, height), shrunk to fit smaller screens. Emitted once the window has saved its state and is really closing.</extracomment>
        <translation>Cari di pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="105"/>
        <source>&amp;Add Source…</source>
        <translation>&amp;Tambah Sumber…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="106"/>
        <source>&amp;Open Link…</source>
        <translation>&amp;Buka Tautan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="107"/>
        <source>&amp;Import Sources (OPML)…</source>
        <translation>&amp;Impor Sumber (OPML)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="108"/>
        <source>&amp;Export Sources (OPML)…</source>
        <translation>&amp;Ekspor Sumber (OPML)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="116"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferensi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="118"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="123"/>
        <source>&amp;Refresh All</source>
        <translation>&amp;Segarkan Semua</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="114"/>
        <source>Work O&amp;ffline</source>
        <translation>Bekerja &amp;Luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="109"/>
        <source>Import Saved Ar&amp;ticles…</source>
        <translation>Impor &amp;Artikel Tersimpan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="110"/>
        <source>E&amp;xport Articles…</source>
        <translation>Ekspor Artikel Ter&amp;simpan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="111"/>
        <source>Stop Import or Export</source>
        <translation>Hentikan Impor atau Ekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="124"/>
        <source>Refresh S&amp;ource</source>
        <translation>Segarkan S&amp;umber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="125"/>
        <source>S&amp;top Refreshing</source>
        <translation>&amp;Hentikan Penyegaran</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="127"/>
        <source>&amp;Search Library</source>
        <translation>&amp;Cari di Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="129"/>
        <source>&amp;Bigger Text</source>
        <translation>Teks Lebih &amp;Besar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="130"/>
        <source>S&amp;maller Text</source>
        <translation>Teks Lebih &amp;Kecil</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="131"/>
        <source>&amp;Normal Text Size</source>
        <translation>Ukuran Teks &amp;Normal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="135"/>
        <source>Show &amp;Images</source>
        <translation>Tampilkan &amp;Gambar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="141"/>
        <source>Follow the &amp;System</source>
        <translation>Ikuti &amp;Sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="142"/>
        <source>&amp;Light</source>
        <translation>&amp;Terang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="143"/>
        <source>&amp;Dark</source>
        <translation>&amp;Gelap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="144"/>
        <source>S&amp;epia</source>
        <translation>Se&amp;pia</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="151"/>
        <source>&amp;Next Article</source>
        <translation>Artikel &amp;Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="152"/>
        <source>&amp;Previous Article</source>
        <translation>Artikel &amp;Sebelumnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="153"/>
        <source>Next &amp;Unread</source>
        <translation>Belum &amp;Dibaca Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="154"/>
        <source>Page Down, then Next</source>
        <translation>Gulir ke Bawah, lalu Berikutnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="155"/>
        <source>&amp;Back</source>
        <translation>&amp;Kembali</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="156"/>
        <source>&amp;Forward</source>
        <translation>&amp;Maju</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="158"/>
        <source>&amp;Save to Collection…</source>
        <translation>&amp;Simpan ke Koleksi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="159"/>
        <source>S&amp;tar</source>
        <translation>&amp;Bintangi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="160"/>
        <source>Mark &amp;Read/Unread</source>
        <translation>Tandai Sudah/Belum &amp;Dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="161"/>
        <source>Open in &amp;Browser</source>
        <translation>Buka di &amp;Peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="162"/>
        <source>&amp;Copy Link</source>
        <translation>Salin &amp;Tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="163"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Pintasan Papan Ketik</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="164"/>
        <source>&amp;About Kabar</source>
        <translation>&amp;Tentang Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="168"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="177"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="184"/>
        <source>&amp;Theme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="186"/>
        <source>&amp;Go</source>
        <translation>Na&amp;vigasi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="192"/>
        <source>&amp;Article</source>
        <translation>&amp;Artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="196"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="200"/>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="112"/>
        <location filename="../../reader/ui/main_window.py" line="227"/>
        <location filename="../../reader/ui/main_window.py" line="243"/>
        <source>Stop</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="229"/>
        <location filename="../../reader/ui/main_window.py" line="317"/>
        <source>Online</source>
        <translation>Daring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="231"/>
        <source>Network status</source>
        <translation>Status jaringan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="252"/>
        <source>Ready</source>
        <translation>Siap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="271"/>
        <source>Welcome to Kabar</source>
        <translation>Selamat datang di Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="273"/>
        <source>Clean articles, related reading one click away, and everything kept for offline.</source>
        <translation>Artikel yang bersih, bacaan terkait hanya sekali klik, dan semuanya tersimpan untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="276"/>
        <source>Add a news source with &lt;b&gt;Ctrl+N&lt;/b&gt;, or pick from the starter list.</source>
        <translation>Tambahkan sumber berita dengan &lt;b&gt;Ctrl+N&lt;/b&gt;, atau pilih dari daftar sumber awal.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="278"/>
        <source>Paste any article link with &lt;b&gt;Ctrl+L&lt;/b&gt; to read it cleaned.</source>
        <translation>Tempel tautan artikel apa pun dengan &lt;b&gt;Ctrl+L&lt;/b&gt; untuk membacanya tanpa gangguan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="279"/>
        <source>Press &lt;b&gt;S&lt;/b&gt; to keep an article in a collection forever.</source>
        <translation>Tekan &lt;b&gt;S&lt;/b&gt; untuk menyimpan artikel di koleksi selamanya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="280"/>
        <source>Start with well-known news outlets</source>
        <translation>Mulai dengan media berita ternama</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="281"/>
        <source>Add your own source</source>
        <translation>Tambahkan sumber Anda sendiri</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="288"/>
        <source>Opening the article…</source>
        <translation>Membuka artikel…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="289"/>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="295"/>
        <source>Opening {0}…</source>
        <translation>Membuka {0}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="300"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="300"/>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/main_window.py" line="317"/>
        <source>Offline</source>
        <translation>Luring</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="45"/>
        <source>Preferences</source>
        <translation>Preferensi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="51"/>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="52"/>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="53"/>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="54"/>
        <source>Sepia</source>
        <translation>Sepia</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="69"/>
        <source>Show pictures in articles</source>
        <translation>Tampilkan gambar dalam artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="71"/>
        <source>Reading</source>
        <translation>Membaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="73"/>
        <source>Theme:</source>
        <translation>Tema:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="74"/>
        <source>Font:</source>
        <translation>Font:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="75"/>
        <source>Text size:</source>
        <translation>Ukuran teks:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="84"/>
        <source>Saved and starred articles are kept whatever this limit; others are removed oldest-read first when the library grows beyond it.</source>
        <translation>Artikel tersimpan dan berbintang selalu dipertahankan, berapa pun batas ini; artikel lain dihapus mulai dari yang paling lama dibaca saat pustaka melampauinya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="87"/>
        <source>Reading one outlet&apos;s article marks its story read</source>
        <translation>Membaca artikel satu media menandai seluruh beritanya sudah dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="89"/>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="91"/>
        <source>Keep up to:</source>
        <translation>Simpan hingga:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="97"/>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="99"/>
        <source>Add starter sources…</source>
        <translation>Tambah sumber awal…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="101"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/preferences.py" line="103"/>
        <source>Refresh every:</source>
        <translation>Segarkan setiap:</translation>
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
        <location filename="../../reader/ui/related_panel.py" line="73"/>
        <source>Read more</source>
        <extracomment>One click or Enter: open this link in the article view. Middle-click or Ctrl+click: fetch into the library in the background. Context menu actions.</extracomment>
        <translation>Baca juga</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="78"/>
        <source>Related links</source>
        <translation>Tautan terkait</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="86"/>
        <source>Links the article offers for further reading appear here.</source>
        <translation>Tautan bacaan lanjutan dari artikel akan muncul di sini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="112"/>
        <source>Also reported by</source>
        <translation>Juga diberitakan oleh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="113"/>
        <source>In the text</source>
        <translation>Di dalam teks</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="114"/>
        <source>From this page</source>
        <translation>Dari halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="201"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="203"/>
        <source>Keep for offline reading</source>
        <translation>Simpan untuk dibaca luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="206"/>
        <source>Open in browser</source>
        <translation>Buka di peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="208"/>
        <source>Copy link</source>
        <translation>Salin tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="211"/>
        <source>Save to collection…</source>
        <translation>Simpan ke koleksi…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/related_panel.py" line="285"/>
        <source>opening…</source>
        <translation>membuka…</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="16"/>
        <source>Keyboard Shortcuts</source>
        <translation>Pintasan Papan Ketik</translation>
    </message>
</context>
<context>
    <name>SourceList</name>
    <message>
        <location filename="../../reader/ui/source_list.py" line="148"/>
        <source>Sources and collections</source>
        <extracomment>(kind, key): &quot;all&quot; | &quot;unread&quot; | &quot;starred&quot; | &quot;collection&quot; | &quot;source&quot;</extracomment>
        <translation>Sumber dan koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="161"/>
        <source>Headlines</source>
        <translation>Judul berita</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="199"/>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="200"/>
        <source>All articles</source>
        <translation>Semua artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="201"/>
        <source>Unread</source>
        <translation>Belum dibaca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="202"/>
        <source>Starred</source>
        <translation>Berbintang</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="61"/>
        <location filename="../../reader/ui/source_list.py" line="203"/>
        <source>Read later</source>
        <translation>Baca nanti</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="204"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="205"/>
        <source>Collections</source>
        <translation>Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="232"/>
        <source>Press S to save an article</source>
        <translation>Tekan S untuk menyimpan artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="255"/>
        <source>Add a source with Ctrl+N</source>
        <translation>Tambah sumber dengan Ctrl+N</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="293"/>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="294"/>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/source_list.py" line="296"/>
        <source>New collection…</source>
        <translation>Koleksi baru…</translation>
    </message>
</context>
<context>
    <name>SourcesWiring</name>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="75"/>
        <source>Starter sources added; refreshing them now.</source>
        <translation>Sumber awal ditambahkan; sedang disegarkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="155"/>
        <source>Sources {0} of {1} · articles {2}</source>
        <translation>Sumber {0} dari {1} · artikel {2}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="169"/>
        <source>{0} new headlines, {1} articles kept for offline reading.</source>
        <translation>{0} judul baru, {1} artikel disimpan untuk dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="173"/>
        <source>{0} sources failed; see the marks in the list.</source>
        <translation>{0} sumber gagal; lihat tandanya di daftar.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="177"/>
        <source>Sync failed: {0}</source>
        <translation>Sinkron gagal: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="187"/>
        <source>Refresh</source>
        <translation>Segarkan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="188"/>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="189"/>
        <source>Move to Folder…</source>
        <translation>Pindahkan ke Folder…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="190"/>
        <source>Fetch Full Articles</source>
        <translation>Ambil Artikel Lengkap</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="196"/>
        <source>Allow Private Addresses</source>
        <translation>Izinkan Alamat Privat</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="201"/>
        <source>Let this source&apos;s items, pictures and redirects reach this computer and the local network (for a feed you host yourself).</source>
        <translation>Izinkan item, gambar, dan pengalihan dari sumber ini menjangkau komputer ini dan jaringan lokal (untuk feed yang Anda kelola sendiri).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="210"/>
        <source>Open Site in Browser</source>
        <translation>Buka Situs di Peramban</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="215"/>
        <source>Last error: {0}</source>
        <translation>Kesalahan terakhir: {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="220"/>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="228"/>
        <source>Refused: 1 item points into a private network.</source>
        <translation>Ditolak: 1 item menunjuk ke jaringan privat.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="229"/>
        <source>Refused: {0} items point into a private network.</source>
        <translation>Ditolak: {0} item menunjuk ke jaringan privat.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="232"/>
        <source>Rename Source</source>
        <translation>Ganti Nama Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="232"/>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="245"/>
        <source>Move to Folder</source>
        <translation>Pindahkan ke Folder</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="246"/>
        <source>Folder (empty for none):</source>
        <translation>Folder (kosongkan jika tanpa folder):</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="259"/>
        <source>Delete Source</source>
        <translation>Hapus Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="261"/>
        <source>Stop following “{0}”? Articles you saved or starred stay in the library.</source>
        <translation>Berhenti mengikuti “{0}”? Artikel yang Anda simpan atau beri bintang tetap ada di pustaka.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="268"/>
        <source>Source deleted.</source>
        <translation>Sumber dihapus.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="275"/>
        <source>Import Sources</source>
        <translation>Impor Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="277"/>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Berkas OPML (*.opml *.xml);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="291"/>
        <source>Sources imported; refreshing them now.</source>
        <translation>Sumber diimpor; sedang disegarkan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="296"/>
        <source>Export Sources</source>
        <translation>Ekspor Sumber</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="298"/>
        <source>OPML files (*.opml)</source>
        <translation>Berkas OPML (*.opml)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/sources_wiring.py" line="310"/>
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
        <location filename="../../reader/ui/transfer_wiring.py" line="82"/>
        <source>the earlier import</source>
        <translation>impor sebelumnya</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="83"/>
        <source>Importing {0}</source>
        <translation>Mengimpor {0}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="111"/>
        <source>{0} links saved; {1} articles kept for offline reading.</source>
        <translation>{0} tautan disimpan; {1} artikel siap dibaca luring.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="115"/>
        <source>{0} still to fetch; Kabar continues next time.</source>
        <translation>{0} belum diambil; Kabar melanjutkannya lain kali.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="121"/>
        <source>Import finished</source>
        <translation>Impor selesai</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="126"/>
        <source>{0} articles could not be fetched; their links are saved.</source>
        <translation>{0} artikel tidak dapat diambil; tautannya tetap disimpan.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="129"/>
        <source>{0} rows of the file were not imported.</source>
        <translation>{0} baris berkas tidak diimpor.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="147"/>
        <source>Exporting</source>
        <translation>Mengekspor</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="153"/>
        <source>Exported {0} articles to {1}.</source>
        <translation>{0} artikel diekspor ke {1}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="164"/>
        <source>Wait for the current import or export to finish.</source>
        <translation>Tunggu impor atau ekspor yang sedang berjalan selesai.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="223"/>
        <source>{0}: {1} of {2} articles</source>
        <translation>{0}: {1} dari {2} artikel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="226"/>
        <source>({0} failed)</source>
        <translation>({0} gagal)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/transfer_wiring.py" line="241"/>
        <source>Stopped. Links already saved stay; the rest is fetched next time.</source>
        <translation>Dihentikan. Tautan yang sudah disimpan tetap ada; sisanya diambil lain kali.</translation>
    </message>
</context>
<context>
    <name>Wiring</name>
    <message>
        <location filename="../../reader/ui/gui.py" line="203"/>
        <source>from the library</source>
        <translation>dari pustaka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="203"/>
        <source>fetched</source>
        <translation>diunduh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="244"/>
        <source>No more unread articles here.</source>
        <translation>Tidak ada lagi artikel yang belum dibaca di sini.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="256"/>
        <source>Open Link</source>
        <translation>Buka Tautan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="256"/>
        <source>Address of an article to read:</source>
        <translation>Alamat artikel yang ingin dibaca:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="310"/>
        <source>New Collection</source>
        <translation>Koleksi Baru</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="310"/>
        <source>Name of the new collection:</source>
        <translation>Nama koleksi baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="316"/>
        <source>Rename Collection</source>
        <translation>Ganti Nama Koleksi</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="316"/>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="383"/>
        <source>Library repaired</source>
        <translation>Pustaka diperbaiki</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="393"/>
        <source>The copy of your saved things beside the library was damaged ({0}). Kabar wrote a new one from the library. Nothing was lost.</source>
        <translation>Salinan barang tersimpan Anda di samping pustaka rusak ({0}). Kabar menulis salinan baru dari pustaka. Tidak ada yang hilang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="398"/>
        <source>The library was damaged ({0}). Kabar rebuilt it from the copy of your saved things: {1} of {2} saved articles with their text, {3} starred, {4} read marks and {5} sources came back. Articles you had not saved or starred are fetched again as you read.</source>
        <translation>Pustaka rusak ({0}). Kabar membangunnya kembali dari salinan barang tersimpan Anda: {1} dari {2} artikel tersimpan beserta teksnya, {3} berbintang, {4} tanda sudah dibaca, dan {5} sumber kembali. Artikel yang tidak Anda simpan atau beri bintang diambil lagi saat Anda membaca.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="406"/>
        <source>The library was damaged ({0}). Kabar restored the backup from {1}: {2} saved articles came back. What you saved, starred or read after that is lost.</source>
        <translation>Pustaka rusak ({0}). Kabar memulihkan cadangan dari {1}: {2} artikel tersimpan kembali. Yang Anda simpan, beri bintang, atau baca setelah itu hilang.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="411"/>
        <source>The library was damaged ({0}) and no copy or backup was found; Kabar started a new, empty library.</source>
        <translation>Pustaka rusak ({0}) dan tidak ada salinan maupun cadangan; Kabar memulai pustaka baru yang kosong.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="414"/>
        <source>The damaged file was kept as {0}.</source>
        <translation>Berkas yang rusak disimpan sebagai {0}.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="519"/>
        <source>Logging in…</source>
        <translation>Sedang masuk…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="523"/>
        <source>Logged in. The next refresh syncs (or Sync Now).</source>
        <translation>Berhasil masuk. Penyegaran berikutnya akan menyinkronkan (atau Sinkronkan Sekarang).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="528"/>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="542"/>
        <source>Removing…</source>
        <translation>Menghapus…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="546"/>
        <source>Removed; the library keeps everything it has.</source>
        <translation>Dihapus; pustaka tetap menyimpan semua isinya.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="554"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="589"/>
        <source>About Kabar</source>
        <translation>Tentang Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/gui.py" line="591"/>
        <source>&lt;h3&gt;Kabar {0}&lt;/h3&gt;&lt;p&gt;A calm news reader: clean articles, related reading one click away, everything kept for offline.&lt;/p&gt;&lt;p&gt;Your library is in {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kabar {0}&lt;/h3&gt;&lt;p&gt;Pembaca berita yang tenang: artikel yang bersih, bacaan terkait hanya sekali klik, semuanya tersimpan untuk dibaca luring.&lt;/p&gt;&lt;p&gt;Pustaka Anda ada di {1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../reader/ui/errors.py" line="34"/>
        <source>Not available offline</source>
        <translation>Tidak tersedia saat luring</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="38"/>
        <source>This address cannot be opened</source>
        <translation>Alamat ini tidak dapat dibuka</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="42"/>
        <source>This page no longer exists</source>
        <translation>Halaman ini sudah tidak ada</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="44"/>
        <source>The site refused to show this page</source>
        <translation>Situs menolak menampilkan halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="46"/>
        <source>The site asks us to slow down</source>
        <translation>Situs meminta kami memperlambat akses</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="47"/>
        <source>The site had a problem</source>
        <translation>Situs sedang bermasalah</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="49"/>
        <source>The site took too long to answer</source>
        <translation>Situs terlalu lama merespons</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="51"/>
        <source>Could not reach the site</source>
        <translation>Tidak dapat menghubungi situs</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="54"/>
        <source>The site&apos;s security certificate is not valid</source>
        <translation>Sertifikat keamanan situs tidak valid</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="58"/>
        <source>This is not a page Kabar can show</source>
        <translation>Ini bukan halaman yang dapat ditampilkan Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="61"/>
        <source>No article found on this page</source>
        <translation>Tidak ada artikel di halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="64"/>
        <source>This is not a news feed Kabar can read</source>
        <translation>Ini bukan umpan berita yang dapat dibaca Kabar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="67"/>
        <source>The disk is full</source>
        <translation>Disk penuh</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="69"/>
        <source>The library had a problem</source>
        <translation>Pustaka mengalami masalah</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="71"/>
        <source>Could not load this page</source>
        <translation>Tidak dapat memuat halaman ini</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="73"/>
        <location filename="../../reader/ui/errors.py" line="75"/>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <location filename="../../reader/ui/errors.py" line="76"/>
        <source>Kabar hit an unexpected error: {0}</source>
        <translation>Kabar mengalami kesalahan tak terduga: {0}</translation>
    </message>
</context>
</TS>
