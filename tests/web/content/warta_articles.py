"""WartaKilat's articles (fictional, Detik/Antara-like Indonesian outlet).

The train story is split over three pages reachable only by "next" links; the
election story holds the table and the block quote; the elephant story holds
the video placeholder and the YouTube embed; the quake story is the short one.
"""

from __future__ import annotations

from datetime import datetime

from tests.web.content.model import (
    WIB,
    Article,
    Figure,
    Items,
    OutletInfo,
    PageBreak,
    Para,
    Quote,
    Subhead,
    Table,
    Teaser,
    Video,
    Widget,
)

INFO = OutletInfo(
    name="warta",
    display_name="WartaKilat",
    site_name="WartaKilat.com",
    language="id",
    tz=WIB,
)

AD = Widget("ad")

#: Channel label per section, as in "Rina Sulastri - wkNews".
CHANNELS = {"berita": "wkNews", "finance": "wkFinance", "inet": "wkInet"}
SECTIONS = {"berita": "Berita", "finance": "Finance", "inet": "Inet"}


def _at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def _article(section: str, ident: int, slug: str, when: datetime, **fields: object) -> Article:
    return Article(
        outlet="warta",
        slug=slug,
        path=f"/{section}/d-{ident}/{slug}",
        section=section,
        published=when,
        **fields,  # type: ignore[arg-type]
    )


KERETA = _article(
    "berita",
    7301122,
    "mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba",
    _at(14, 8, 0),
    title="Mengenal Kereta Semicepat Jalur Selatan: Rute, Tarif, dan Jadwal Uji Coba",
    summary=(
        "Kereta semicepat jalur selatan Jawa akan menjalani uji coba dinamis akhir April 2026 "
        "dan ditargetkan beroperasi komersial pada Agustus."
    ),
    authors=("Rina Sulastri",),
    editor="Agus Priyanto",
    desk="(rns/agp)",
    tags=("kereta semicepat", "transportasi", "jalur selatan"),
    related=(
        "warta/rekapitulasi-suara-pilkada-sekar-wangi-petahana-unggul-tipis",
        "warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi",
        "nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",
    ),
    body=(
        Figure(
            "kereta-1",
            "Rangkaian kereta semicepat menjalani uji statis di Depo Gedebage Timur, Bandung.",
            "Rina Sulastri/wkNews",
        ),
        Para(
            "Kereta semicepat jalur selatan Jawa dijadwalkan mulai menjalani uji coba dinamis pada "
            "akhir April 2026. Layanan ini digadang-gadang memangkas waktu tempuh Bandung–"
            "Yogyakarta dari sekitar tujuh jam menjadi empat jam lebih sedikit.",
            dateline="Jakarta",
        ),
        Para(
            "Proyek tersebut memanfaatkan jalur yang sudah ada dengan peningkatan kapasitas. "
            "Sejumlah lengkungan tajam diluruskan, bantalan rel diganti, dan sistem persinyalan "
            "diperbarui agar kereta dapat melaju hingga 160 kilometer per jam di segmen tertentu."
        ),
        Teaser("warta/rekapitulasi-suara-pilkada-sekar-wangi-petahana-unggul-tipis"),
        Para(
            "Juru bicara operator, Dimas Ardiansyah, mengatakan pengerjaan prasarana telah "
            "mencapai 87 persen. Sisa pekerjaan terutama berada di dua jembatan besar dan satu "
            "terowongan di wilayah Jawa Tengah."
        ),
        Para(
            "“Uji coba dinamis dilakukan bertahap. Kami mulai dari kecepatan rendah, lalu "
            "dinaikkan "
            "sampai batas desain setelah seluruh parameter keselamatan terpenuhi,” ujar Dimas "
            "kepada wartawan, Sabtu (14/3/2026)."
        ),
        AD,
        Subhead("Rute dan Stasiun Pemberhentian"),
        Para(
            "Pada tahap awal, kereta akan berhenti di tujuh stasiun, yakni Bandung, Tasikmalaya, "
            "Banjar, Kroya, Kutoarjo, Wates, dan Yogyakarta. Operator masih mengkaji penambahan "
            "pemberhentian di Ciamis berdasarkan hasil survei penumpang."
        ),
        Para(
            "Setiap hari direncanakan ada delapan perjalanan pulang-pergi dengan interval sekitar "
            "dua jam. Perjalanan pertama dari Bandung berangkat pukul 05.00 WIB, sedangkan "
            "perjalanan terakhir dari Yogyakarta dijadwalkan pukul 19.30 WIB."
        ),
        PageBreak(),
        Subhead("Perkiraan Tarif"),
        Para(
            "Tarif belum ditetapkan secara resmi. Namun, dalam dokumen kajian yang dipaparkan "
            "kepada pemerintah daerah, tarif kelas ekonomi premium diperkirakan berada di kisaran "
            "Rp 250.000 hingga Rp 300.000 untuk perjalanan penuh."
        ),
        Para(
            "Adapun tarif kelas eksekutif diperkirakan Rp 400.000 sampai Rp 450.000. Operator juga "
            "menyiapkan tarif promo selama tiga bulan pertama untuk menarik minat penumpang."
        ),
        Figure(
            "kereta-2",
            "Pekerja memasang bantalan rel baru di petak jalan antara Banjar dan Kroya.",
            "Dok. Operator",
        ),
        Teaser(
            "warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi", "span"
        ),
        Para(
            "Pengamat transportasi dari Masyarakat Transportasi Nusantara, Lestari Wulandari, "
            "menilai rentang tarif itu cukup bersaing dengan bus eksekutif dan pesawat. Apalagi, "
            "stasiun berada di tengah kota sehingga penumpang tidak perlu menempuh perjalanan jauh "
            "ke bandara."
        ),
        Para(
            "“Yang perlu dijaga adalah ketepatan waktu. Kalau jadwalnya konsisten, penumpang akan "
            "beralih dengan sendirinya,” kata Lestari."
        ),
        Para(
            "Meski demikian, ia mengingatkan operator untuk memperhatikan integrasi dengan "
            "angkutan lanjutan di setiap stasiun. Menurut dia, banyak penumpang kereta jarak jauh "
            "yang masih kesulitan mencari angkutan umum setelah tiba di stasiun tujuan."
        ),
        AD,
        Para(
            "Di sisi lain, sejumlah pengusaha bus antarkota mengaku mulai bersiap menghadapi "
            "persaingan. Mereka berencana memperbarui armada dan menambah layanan malam untuk "
            "mempertahankan penumpang."
        ),
        Para(
            "Operator menyatakan telah menjalin kerja sama dengan pemerintah kota di sepanjang "
            "rute untuk menyediakan bus pengumpan. Di Bandung dan Yogyakarta, halte bus pengumpan "
            "akan dibangun tepat di depan pintu keluar stasiun."
        ),
        PageBreak(),
        Subhead("Jadwal Uji Coba dan Operasi Komersial"),
        Para(
            "Uji coba dinamis direncanakan berlangsung selama enam minggu. Setelah itu, operator "
            "akan mengajukan sertifikasi kelaikan kepada kementerian sebelum membuka layanan untuk "
            "penumpang umum."
        ),
        Para(
            "Jika seluruh tahapan berjalan lancar, operasi komersial ditargetkan dimulai pada "
            "Agustus 2026, bertepatan dengan musim libur sekolah. Penjualan tiket rencananya "
            "dibuka "
            "satu bulan sebelumnya melalui aplikasi dan loket stasiun."
        ),
        Para(
            "Warga di sekitar jalur juga diminta waspada selama masa uji coba. Operator mencatat "
            "masih ada 46 perlintasan sebidang tanpa palang pintu yang akan ditutup atau dijaga "
            "petugas sebelum kereta beroperasi penuh."
        ),
        Figure(
            "kereta-3",
            "Petugas memeriksa perlintasan sebidang di Kecamatan Kutoarjo, Purworejo.",
            "Rina Sulastri/wkNews",
        ),
        Para(
            "“Kami bekerja sama dengan pemerintah daerah untuk membangun jalan layang di "
            "perlintasan yang padat. Untuk perlintasan kecil, sebagian akan ditutup dan dialihkan "
            "ke jalan terdekat,” ujar Dimas."
        ),
        Para(
            "Selama uji coba, operator akan mengundang sejumlah kelompok masyarakat untuk mencoba "
            "perjalanan terbatas. Masukan dari peserta akan dipakai untuk memperbaiki layanan di "
            "dalam kereta, mulai dari tata letak kursi hingga fasilitas untuk penyandang "
            "disabilitas."
        ),
        Para(
            "Kereta semicepat ini terdiri atas delapan kereta dengan kapasitas total 512 tempat "
            "duduk. Setiap rangkaian dilengkapi kereta makan, ruang menyusui, dan area khusus "
            "untuk "
            "sepeda lipat."
        ),
        Para(
            "Pemerintah provinsi di sepanjang jalur menyambut baik rencana tersebut. Mereka "
            "berharap kehadiran kereta semicepat mendorong kunjungan wisatawan ke kota-kota di "
            "selatan Jawa yang selama ini kalah pamor dibandingkan jalur utara."
        ),
    ),
)

PILKADA = _article(
    "berita",
    7302418,
    "rekapitulasi-suara-pilkada-sekar-wangi-petahana-unggul-tipis",
    _at(16, 23, 10),
    title="Rekapitulasi Suara Pilkada Sekar Wangi: Petahana Unggul Tipis 1,8 Persen",
    summary=(
        "Pasangan petahana Haryanto Wibisono–Ratih Puspitasari meraih 39,6 persen suara, "
        "unggul 1,8 persen atas pasangan nomor urut 2."
    ),
    authors=("Bagus Prakoso",),
    editor="Agus Priyanto",
    desk="(bgp/agp)",
    tags=("pilkada", "Sekar Wangi", "rekapitulasi suara"),
    related=(
        "warta/mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba",
        "harbor/council-delays-bike-lane-vote-after-seven-hour-hearing",
    ),
    body=(
        Figure(
            "pilkada-1",
            "Petugas membacakan hasil rekapitulasi suara di Gedung Serbaguna Sekar Wangi, Senin "
            "(16/3/2026).",
            "Bagus Prakoso/wkNews",
        ),
        Para(
            "Komisi pemilihan umum Kota Sekar Wangi menetapkan hasil rekapitulasi suara pemilihan "
            "wali kota pada Senin (16/3/2026) malam. Pasangan petahana, Haryanto Wibisono–Ratih "
            "Puspitasari, unggul tipis dengan selisih 1,8 persen suara.",
            dateline="Sekar Wangi",
        ),
        Para(
            "Rapat pleno terbuka berlangsung hampir sembilan jam dan dihadiri saksi dari ketiga "
            "pasangan calon. Rekapitulasi dilakukan berjenjang dari 12 kecamatan, dengan total "
            "418.902 suara sah."
        ),
        Table(
            "Hasil Rekapitulasi Suara Pemilihan Wali Kota Sekar Wangi 2026",
            ("No.", "Pasangan Calon", "Perolehan Suara", "Persentase"),
            (
                ("1", "Haryanto Wibisono – Ratih Puspitasari", "165.872", "39,6%"),
                ("2", "Yoga Permadi – Lilis Suryani", "158.331", "37,8%"),
                ("3", "Ahmad Fauzan – Meiliana Tan", "94.699", "22,6%"),
            ),
        ),
        Teaser("warta/mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba"),
        Para(
            "Ketua komisi pemilihan kota, Nurhayati Siregar, mengatakan seluruh tahapan "
            "rekapitulasi berjalan sesuai prosedur. Keberatan yang disampaikan saksi di dua "
            "kecamatan telah diselesaikan dalam rapat pleno dengan mencocokkan ulang formulir "
            "hasil "
            "penghitungan."
        ),
        Quote(
            (
                "Kami memahami selisihnya tipis, karena itu setiap keberatan kami periksa satu per "
                "satu di hadapan semua saksi. Hasil yang kami tetapkan malam ini adalah hasil yang "
                "sudah dicocokkan dengan dokumen dari setiap TPS.",
            )
        ),
        AD,
        Para(
            "Tim pemenangan pasangan nomor urut 2, Yoga Permadi–Lilis Suryani, menyatakan masih "
            "mempertimbangkan langkah hukum. Juru bicara tim, Rendra Kusuma, menyebut pihaknya "
            "menemukan selisih data di sejumlah TPS di Kecamatan Sukamaju."
        ),
        Para(
            "“Kami menghormati hasil pleno, tetapi kami juga punya hak untuk menguji data kami. "
            "Keputusan akan diambil setelah rapat internal dalam tiga hari ke depan,” kata Rendra."
        ),
        Figure(
            "pilkada-2",
            "Saksi pasangan calon mencocokkan formulir hasil penghitungan suara saat rapat pleno.",
            "Bagus Prakoso/wkNews",
        ),
        Para(
            "Sementara itu, Haryanto mengajak seluruh pendukung menahan diri dan tidak menggelar "
            "perayaan berlebihan. Ia juga mengundang kedua pesaingnya untuk bersama-sama membangun "
            "kota."
        ),
        Para(
            "Partisipasi pemilih dalam pemilihan kali ini tercatat 71,4 persen, naik dibandingkan "
            "pemilihan lima tahun lalu yang sebesar 66,9 persen. Komisi pemilihan menilai kenaikan "
            "itu dipengaruhi sosialisasi yang lebih gencar di kalangan pemilih muda."
        ),
        Para(
            "Pengamat politik lokal, Fitriani Lubis, menilai hasil yang ketat menunjukkan pemilih "
            "Sekar Wangi makin kritis terhadap petahana. Menurut dia, isu kemacetan dan "
            "pengelolaan "
            "sampah menjadi sorotan utama selama masa kampanye."
        ),
        Para(
            "“Petahana menang, tetapi dengan selisih setipis ini pesannya jelas. Warga ingin "
            "perbaikan yang lebih cepat, terutama soal layanan dasar,” kata Fitriani."
        ),
        Para(
            "Apabila tidak ada sengketa yang diajukan dalam tenggat waktu yang ditentukan, komisi "
            "pemilihan akan menetapkan pasangan calon terpilih dalam rapat pleno berikutnya."
        ),
    ),
)

RUPIAH = _article(
    "finance",
    7300874,
    "rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi",
    _at(11, 16, 5),
    title="Rupiah Ditutup Menguat ke Rp 16.240 per Dolar AS, Ditopang Data Inflasi",
    summary=(
        "Rupiah menguat 65 poin pada penutupan perdagangan Rabu sore seiring data inflasi "
        "Februari yang lebih rendah dari perkiraan."
    ),
    authors=("Maya Kartika",),
    editor="Hendra Nasution",
    desk="(mkt/hns)",
    tags=("rupiah", "kurs", "inflasi"),
    related=(
        "warta/cara-mengaktifkan-verifikasi-dua-langkah-di-aplikasi-pesan",
        "nusa/harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
    ),
    body=(
        Figure(
            "rupiah-1",
            "Petugas menghitung uang pecahan rupiah di sebuah tempat penukaran valuta asing di "
            "Jakarta.",
            "Maya Kartika/wkFinance",
        ),
        Para(
            "Nilai tukar rupiah ditutup menguat pada perdagangan Rabu (11/3/2026) sore. Mata uang "
            "Garuda berakhir di level Rp 16.240 per dolar AS, menguat 65 poin atau 0,4 persen "
            "dibandingkan penutupan sehari sebelumnya.",
            dateline="Jakarta",
        ),
        Para(
            "Penguatan rupiah sejalan dengan mayoritas mata uang Asia yang bergerak positif. "
            "Pelaku "
            "pasar merespons data inflasi domestik Februari yang lebih rendah dari perkiraan, "
            "yakni "
            "2,1 persen secara tahunan."
        ),
        Teaser("warta/cara-mengaktifkan-verifikasi-dua-langkah-di-aplikasi-pesan", "span"),
        Para(
            "Analis pasar uang Hendri Gunawan mengatakan data inflasi yang terkendali memberi "
            "ruang "
            "bagi bank sentral untuk mempertahankan suku bunga acuan. Kondisi itu dinilai menjaga "
            "daya tarik aset berdenominasi rupiah."
        ),
        Para(
            "“Arus modal asing kembali masuk ke pasar obligasi dalam tiga hari terakhir. Itu yang "
            "menopang rupiah hari ini,” ujar Hendri saat dihubungi wkFinance."
        ),
        AD,
        Para(
            "Meski begitu, Hendri mengingatkan pergerakan rupiah masih rentan terhadap sentimen "
            "global. Investor menanti rilis data tenaga kerja Amerika Serikat pekan ini yang dapat "
            "memengaruhi arah kebijakan suku bunga bank sentral AS."
        ),
        Figure(
            "rupiah-2",
            "Layar perdagangan menampilkan pergerakan indeks saham dan nilai tukar di sebuah "
            "kantor sekuritas.",
            "Maya Kartika/wkFinance",
        ),
        Para(
            "Sementara itu, indeks harga saham gabungan ditutup naik 0,7 persen ke level 7.412. "
            "Saham sektor perbankan dan barang konsumsi menjadi penopang utama kenaikan indeks."
        ),
        Para(
            "Sepanjang hari, rupiah bergerak di rentang Rp 16.228 hingga Rp 16.301 per dolar AS. "
            "Penguatan paling tajam terjadi menjelang siang, tak lama setelah data inflasi dirilis "
            "dan sejumlah bank besar melepas dolar di pasar spot."
        ),
        Para(
            "Di kawasan Asia, won Korea Selatan menguat 0,6 persen, disusul ringgit Malaysia dan "
            "baht "
            "Thailand yang masing-masing naik 0,3 persen. Sebaliknya, yen Jepang melemah tipis "
            "terhadap dolar AS."
        ),
        Para(
            "Di pasar obligasi, imbal hasil surat utang negara tenor 10 tahun turun tipis ke level "
            "6,62 persen. Penurunan imbal hasil menandakan harga obligasi naik seiring "
            "meningkatnya "
            "permintaan dari investor asing."
        ),
        Para(
            "Pedagang valuta asing di kawasan pusat kota juga mencatat kenaikan transaksi "
            "menjelang "
            "musim umrah dan libur sekolah. Menurut mereka, sebagian nasabah memilih membeli dolar "
            "secara bertahap untuk menghindari fluktuasi kurs."
        ),
        Para(
            "Untuk perdagangan besok, Hendri memperkirakan rupiah bergerak di rentang Rp 16.200 "
            "hingga Rp 16.300 per dolar AS."
        ),
    ),
)

DUA_LANGKAH = _article(
    "inet",
    7301590,
    "cara-mengaktifkan-verifikasi-dua-langkah-di-aplikasi-pesan",
    _at(15, 19, 45),
    title="Cara Mengaktifkan Verifikasi Dua Langkah di Aplikasi Pesan, Cuma Lima Menit",
    summary=(
        "Verifikasi dua langkah mencegah akun dibajak meski pelaku berhasil mendapatkan kode OTP. "
        "Begini cara mengaktifkannya."
    ),
    authors=("Fadli Rahman",),
    editor="Irma Budiarti",
    desk="(fdr/irb)",
    tags=("keamanan siber", "tips", "aplikasi pesan"),
    related=(
        "warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi",
        "nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar",
    ),
    body=(
        Figure(
            "dualangkah-1",
            "Ilustrasi pengguna membuka aplikasi pesan di ponsel.",
            "Fadli Rahman/wkInet",
        ),
        Para(
            "Kasus pembajakan akun aplikasi pesan masih sering terjadi. Modusnya beragam, mulai "
            "dari "
            "pelaku yang berpura-pura menjadi kurir paket hingga mengaku sebagai petugas layanan "
            "pelanggan yang meminta kode OTP.",
            dateline="Jakarta",
        ),
        Para(
            "Salah satu cara paling sederhana untuk melindungi akun adalah mengaktifkan verifikasi "
            "dua langkah. Dengan fitur ini, pelaku tetap tidak bisa masuk ke akun meski berhasil "
            "mendapatkan kode OTP, karena masih harus memasukkan PIN rahasia yang hanya diketahui "
            "pemilik akun."
        ),
        Teaser("warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi"),
        Subhead("Langkah-langkah mengaktifkan verifikasi dua langkah"),
        Items(
            (
                "Buka aplikasi pesan, lalu ketuk ikon tiga titik atau menu Pengaturan.",
                "Pilih menu Akun, kemudian ketuk Verifikasi dua langkah.",
                "Ketuk Aktifkan, lalu masukkan PIN enam digit yang mudah Anda ingat tetapi sulit "
                "ditebak orang lain.",
                "Masukkan ulang PIN yang sama untuk konfirmasi.",
                "Tambahkan alamat email pemulihan agar PIN bisa diatur ulang jika Anda lupa.",
                "Ketuk Selesai. Verifikasi dua langkah kini sudah aktif.",
            ),
            ordered=True,
        ),
        AD,
        Para(
            "Setelah fitur aktif, aplikasi akan sesekali meminta Anda memasukkan PIN. Tujuannya "
            "agar "
            "pemilik akun tidak lupa PIN yang sudah dibuat."
        ),
        Para(
            "Pakar keamanan siber Andreas Tanoto menyarankan pengguna tidak memakai tanggal lahir "
            "atau angka berurutan seperti 123456 sebagai PIN. Kombinasi tersebut paling mudah "
            "ditebak, terutama oleh orang yang mengenal korban."
        ),
        Para(
            "“Jangan pernah membagikan kode OTP maupun PIN kepada siapa pun, termasuk yang mengaku "
            "dari pihak aplikasi. Penyedia layanan tidak pernah meminta kode itu lewat telepon "
            "atau "
            "pesan,” kata Andreas."
        ),
        Figure(
            "dualangkah-2",
            "Tampilan menu verifikasi dua langkah di aplikasi pesan.",
            "Tangkapan layar",
        ),
        Para(
            "Andreas juga mengingatkan pengguna untuk memeriksa daftar perangkat yang terhubung "
            "dengan akun secara berkala. Jika ada perangkat asing, segera keluarkan perangkat "
            "tersebut "
            "dari menu Perangkat tertaut."
        ),
        Para(
            "Jika akun telanjur dibajak, segera masuk kembali dengan nomor ponsel Anda untuk "
            "memutus sesi pelaku. Beri tahu juga kontak terdekat agar tidak menanggapi pesan yang "
            "meminta pinjaman uang atas nama Anda."
        ),
        Para(
            "Bila Anda kesulitan memulihkan akun, hubungi layanan bantuan resmi melalui menu "
            "Bantuan di dalam aplikasi. Jangan mencari nomor layanan pelanggan lewat mesin pencari "
            "karena banyak nomor palsu yang dipasang oleh penipu."
        ),
    ),
)

GAJAH = _article(
    "berita",
    7301877,
    "kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan",
    _at(12, 13, 25),
    title="Kawanan Gajah Liar Masuk Kebun Warga, Petugas Lakukan Penggiringan",
    summary=(
        "Sekitar 12 gajah liar merusak enam hektare kebun warga di Desa Sumber Harapan. Petugas "
        "menggiring kawanan itu kembali ke hutan dengan bantuan gajah jinak."
    ),
    authors=("Eko Saputro",),
    editor="Agus Priyanto",
    desk="(eks/agp)",
    tags=("gajah liar", "konflik satwa", "Lampung"),
    related=(
        "warta/gempa-m-48-guncang-pantai-selatan-tidak-berpotensi-tsunami",
        "nusa/banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi",
    ),
    body=(
        Figure(
            "gajah-1",
            "Kawanan gajah liar terlihat di perbatasan kebun warga dan hutan, Kamis (12/3/2026).",
            "Dok. Balai Konservasi",
        ),
        Para(
            "Sekitar 12 ekor gajah liar memasuki kebun warga di Desa Sumber Harapan, Kecamatan Way "
            "Tenang, sejak Rabu (11/3/2026) malam. Kawanan satwa dilindungi itu merusak tanaman "
            "pisang, jagung, dan kelapa milik warga.",
            dateline="Lampung",
        ),
        Para(
            "Kepala Desa Sumber Harapan, Suparman, mengatakan warga sudah berjaga sejak malam "
            "dengan menyalakan api unggun dan membunyikan kentongan. Namun, kawanan gajah tetap "
            "bertahan di sekitar kebun hingga pagi."
        ),
        Teaser("warta/gempa-m-48-guncang-pantai-selatan-tidak-berpotensi-tsunami", "span"),
        Para(
            "“Kerugian warga belum bisa dihitung. Ada sekitar enam hektare kebun yang rusak, "
            "paling "
            "parah kebun pisang yang siap panen,” kata Suparman."
        ),
        Video("Detik-detik Gajah Liar Masuk Kebun Warga", "wk-20260312-gajah", kind="gambas"),
        Para(
            "Petugas balai konservasi bersama polisi hutan dan pawang gajah tiba di lokasi pada "
            "Kamis pagi. Mereka menggunakan dua gajah jinak untuk menggiring kawanan gajah liar "
            "kembali ke kawasan hutan."
        ),
        AD,
        Para(
            "Koordinator tim penggiringan, Wayan Sudarsana, meminta warga tidak melukai atau "
            "mengusir gajah dengan cara kasar. Tindakan itu justru bisa membuat gajah agresif dan "
            "kembali lagi ke permukiman."
        ),
        Video("Petugas menggiring gajah liar kembali ke hutan", "wkGajah2026"),
        Figure(
            "gajah-2",
            "Petugas dan pawang menggiring kawanan gajah liar menggunakan gajah jinak.",
            "Dok. Balai Konservasi",
        ),
        Para(
            "Menurut Wayan, konflik gajah dan manusia di wilayah itu meningkat karena sebagian "
            "jalur jelajah gajah telah berubah menjadi kebun. Pihaknya berencana memasang kalung "
            "GPS pada salah satu gajah betina agar pergerakan kawanan dapat dipantau."
        ),
        Para(
            "Data balai konservasi mencatat, sepanjang 2025 terjadi 37 kali konflik antara gajah "
            "dan "
            "warga di wilayah tersebut. Sebagian besar terjadi pada musim panen, ketika tanaman di "
            "kebun warga menjadi sumber pakan yang mudah dijangkau."
        ),
        Para(
            "Salah seorang warga, Ketut Ariani (45), mengatakan gajah sudah tiga kali masuk ke "
            "kebunnya sejak awal tahun. Ia kini memilih memanen pisang lebih awal meski harganya "
            "lebih murah, daripada seluruh tanaman habis dimakan gajah."
        ),
        Para(
            "Untuk sementara, petugas akan berjaga di desa selama sepekan ke depan. Warga juga "
            "dilatih membuat penghalau sederhana, seperti pagar tali yang diberi lonceng dan "
            "bebunyian dari kaleng bekas."
        ),
        Para(
            "Warga berharap pemerintah segera membangun parit penghalang di perbatasan hutan dan "
            "kebun. Mereka juga meminta ganti rugi atas tanaman yang rusak."
        ),
    ),
)

GEMPA = _article(
    "berita",
    7302033,
    "gempa-m-48-guncang-pantai-selatan-tidak-berpotensi-tsunami",
    _at(13, 8, 12),
    title="Gempa M 4,8 Guncang Pantai Selatan, Tidak Berpotensi Tsunami",
    summary=(
        "Gempa bermagnitudo 4,8 di lepas pantai selatan Jawa Barat dirasakan lemah hingga sedang "
        "dan tidak berpotensi tsunami."
    ),
    authors=("Tim wkNews",),
    editor="Agus Priyanto",
    desk="(tim/agp)",
    tags=("gempa", "pantai selatan"),
    related=("warta/kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan",),
    body=(
        Figure(
            "gempa-1",
            "Peta lokasi pusat gempa di lepas pantai selatan Jawa Barat, Jumat (13/3/2026).",
            "Dok. Stasiun Geofisika",
        ),
        Para(
            "Gempa bumi bermagnitudo 4,8 mengguncang wilayah pantai selatan Jawa Barat pada Jumat "
            "(13/3/2026) pukul 07.42 WIB. Pusat gempa berada di laut, sekitar 86 kilometer barat "
            "daya Kota Garut, pada kedalaman 23 kilometer.",
            dateline="Bandung",
        ),
        Para(
            "Kepala Stasiun Geofisika Bandung Selatan, Teddy Kurniadi, mengatakan gempa tersebut "
            "tidak berpotensi tsunami. Guncangan dirasakan lemah hingga sedang di sejumlah "
            "kecamatan di pesisir selatan."
        ),
        Teaser("warta/kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan"),
        AD,
        Para(
            "“Hingga pukul 08.30 WIB belum ada laporan kerusakan bangunan. Masyarakat kami imbau "
            "tetap tenang dan tidak terpengaruh informasi yang belum jelas sumbernya,” kata Teddy."
        ),
        Figure(
            "gempa-2",
            "Warga berkumpul di halaman rumah sesaat setelah guncangan gempa terasa.",
            "Tim wkNews",
        ),
        Para(
            "Hasil pemodelan menunjukkan gempa dipicu aktivitas subduksi lempeng di selatan Jawa. "
            "Hingga pukul 09.00 WIB, tercatat dua kali gempa susulan dengan magnitudo lebih kecil."
        ),
    ),
)

ARTICLES: tuple[Article, ...] = (KERETA, PILKADA, RUPIAH, DUA_LANGKAH, GAJAH, GEMPA)
