"""NusaKini's articles (fictional, Tribunnews-like Indonesian outlet).

All people, kelurahan, clubs and companies are invented. The flood story is the
long one split over three pages; the SIM story is the short one; the quake story
is a syndicated copy of WartaKilat's report.
"""

from __future__ import annotations

from datetime import datetime

from tests.web.content import warta_articles
from tests.web.content.model import (
    WIB,
    Article,
    Figure,
    Items,
    OutletInfo,
    PageBreak,
    Para,
    Subhead,
    Teaser,
    Widget,
)

INFO = OutletInfo(
    name="nusa",
    display_name="NusaKini",
    site_name="NusaKini.com",
    language="id",
    tz=WIB,
)

AD = Widget("ad")
DATELINE = "NUSAKINI.COM, JAKARTA"


def _at(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=WIB)


def _path(section: str, when: datetime, slug: str) -> str:
    return f"/{section}/{when:%Y/%m/%d}/{slug}"


def _article(section: str, slug: str, when: datetime, **fields: object) -> Article:
    return Article(
        outlet="nusa",
        slug=slug,
        path=_path(section, when, slug),
        section=section,
        published=when,
        desk=str(fields.pop("desk", "(nsk/nsk)")),
        **fields,  # type: ignore[arg-type]
    )


BANJIR = _article(
    "regional",
    "banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi",
    _at(12, 9, 15),
    modified=_at(12, 11, 40),
    title=(
        "Banjir Rob Rendam Tiga Kelurahan di Pesisir Utara, Ratusan Warga Mengungsi ke Balai Warga"
    ),
    summary=(
        "Banjir rob merendam tiga kelurahan di Kecamatan Teluk Jingga sejak Rabu malam. "
        "Sebanyak 412 warga mengungsi ke balai warga dan musala."
    ),
    authors=("Andi Pratama",),
    editor="Bambang Sutrisno",
    tags=("Banjir Rob", "Teluk Jingga", "Cuaca Ekstrem"),
    related=(
        "nusa/jadwal-sim-keliling-jakarta-hari-ini-jumat-13-maret-2026",
        "nusa/gempa-magnitudo-48-guncang-pantai-selatan-tidak-berpotensi-tsunami",
    ),
    further=(
        "warta/kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan",
        "harbor/water-main-break-closes-dock-street-until-friday",
        "nusa/harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
        "warta/mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba",
    ),
    body=(
        Figure(
            "banjir-rob-1",
            "Warga menerobos genangan rob setinggi lutut di Jalan Lodan Lama, Kelurahan "
            "Muara Kencana, Kamis (12/3/2026) pagi.",
            "Galih Permana",
        ),
        Para(
            "{tag:Banjir rob} kembali merendam permukiman di pesisir utara Jakarta sejak Rabu "
            "(11/3/2026) malam. Air laut yang pasang melampaui tanggul darurat dan masuk ke tiga "
            "kelurahan di Kecamatan {tag:Teluk Jingga}, yakni Muara Kencana, Tanjung Lestari, dan "
            "Pasir Putih Baru.",
            dateline=DATELINE,
        ),
        Para(
            "Hingga Kamis (12/3/2026) pagi, genangan di sejumlah gang masih setinggi 40 hingga 70 "
            "sentimeter. Ratusan warga memilih mengungsi ke balai warga dan musala yang letaknya "
            "lebih tinggi."
        ),
        Para(
            "Camat Teluk Jingga, Hendra Wijayakusuma, mengatakan jumlah pengungsi terus bertambah "
            "sejak dini hari. Menurut dia, sebagian besar pengungsi adalah lansia, ibu hamil, dan "
            "anak-anak."
        ),
        Para(
            "“Data sementara ada 412 jiwa yang mengungsi di empat titik. Petugas kelurahan sudah "
            "menyiapkan dapur umum sejak subuh,” kata Hendra saat ditemui di Balai Warga RW 07 "
            "Muara Kencana, Kamis pagi."
        ),
        Teaser("warta/gempa-m-48-guncang-pantai-selatan-tidak-berpotensi-tsunami"),
        Para(
            "Ia menjelaskan, pasang laut kali ini lebih tinggi dibandingkan bulan lalu karena "
            "bertepatan dengan fase bulan purnama. Kondisi itu diperparah angin kencang dari arah "
            "utara yang mendorong gelombang ke daratan."
        ),
        AD,
        Para(
            "Pantauan NusaKini.com di lokasi, warga menumpuk karung pasir di depan pintu rumah "
            "untuk menahan air. Sebagian lainnya memindahkan perabot elektronik ke lantai dua atau "
            "ke rumah kerabat."
        ),
        Para(
            "Sumiati (54), warga RT 03/RW 07, mengaku air mulai masuk ke rumahnya sekitar pukul "
            "23.00 WIB. Ia tidak sempat menyelamatkan kasur dan lemari pakaian karena air naik "
            "dengan cepat."
        ),
        Para(
            "“Biasanya rob cuma sampai teras, paling lama dua jam sudah surut. Ini sampai pagi "
            "belum surut juga, jadi kami pindah ke balai,” ujarnya."
        ),
        PageBreak(),
        Para(
            "Sementara itu, petugas dinas sumber daya air mengoperasikan enam pompa mobile untuk "
            "mempercepat surutnya genangan. Kepala Seksi Pemeliharaan, Ratna Kusumawardani, "
            "menyebut kapasitas pompa yang ada belum sebanding dengan volume air yang masuk."
        ),
        Para(
            "“Selama tanggul belum ditinggikan, pompa hanya bisa membantu. Kami menambah dua unit "
            "lagi dari wilayah lain siang ini,” kata Ratna."
        ),
        Teaser(
            "nusa/harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
            "bullet",
        ),
        Para(
            "Menurut catatan kecamatan, tanggul di sepanjang Kali Jingga sebenarnya dijadwalkan "
            "ditinggikan tahun ini. Namun, pekerjaan fisik baru dimulai di satu segmen sepanjang "
            "300 meter dari total 1,8 kilometer yang direncanakan."
        ),
        Figure(
            "banjir-rob-2",
            "Petugas mengoperasikan pompa mobile di ujung Gang Nelayan, Kelurahan Tanjung "
            "Lestari, Kamis (12/3/2026).",
            "Galih Permana",
        ),
        Para(
            "Warga berharap pembangunan tanggul dipercepat. Mereka menilai rob yang datang hampir "
            "setiap bulan sudah mengganggu kegiatan ekonomi, terutama bagi nelayan dan pedagang "
            "kecil di sekitar tempat pelelangan ikan."
        ),
        Para(
            "Darto (47), nelayan setempat, mengatakan sudah tiga hari tidak melaut karena "
            "perahunya "
            "rusak terbentur dermaga saat gelombang tinggi. Ia juga harus menjaga rumah agar "
            "barang-barang tidak hanyut."
        ),
        Para(
            "“Kalau tidak melaut ya tidak ada pemasukan. Kami cuma bisa berharap bantuan dari "
            "kelurahan dan tetangga,” tutur Darto."
        ),
        AD,
        Para(
            "Di Balai Warga RW 07, relawan karang taruna membagikan nasi bungkus, air mineral, dan "
            "selimut. Tenaga kesehatan dari puskesmas kecamatan juga membuka pos layanan untuk "
            "memeriksa pengungsi yang mulai mengeluhkan gatal-gatal dan demam."
        ),
        Para(
            "Kepala Puskesmas Teluk Jingga, dr. Maria Anggraini, meminta warga tidak membiarkan "
            "anak-anak bermain di genangan. Air rob yang bercampur limbah rumah tangga, kata dia, "
            "berisiko memicu penyakit kulit dan diare."
        ),
        PageBreak(),
        Subhead("Pasang Maksimum Diperkirakan Berlangsung hingga Sabtu"),
        Para(
            "Stasiun Meteorologi Maritim Teluk Jingga sebelumnya telah mengeluarkan peringatan "
            "dini "
            "banjir pesisir untuk 10–14 Maret 2026. Pasang maksimum diperkirakan terjadi setiap "
            "malam antara pukul 21.00 dan 01.00 WIB."
        ),
        Para(
            "Prakirawan stasiun tersebut, Yusuf Hidayat, mengimbau warga pesisir menyiapkan tas "
            "siaga berisi dokumen penting, obat-obatan, dan pakaian ganti. Warga juga diminta "
            "memantau informasi resmi dari kelurahan."
        ),
        Para(
            "“Tinggi muka air laut masih akan naik dua sampai tiga malam ke depan. Setelah Sabtu, "
            "pengaruh bulan purnama mulai berkurang,” ujar Yusuf."
        ),
        Teaser("nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini"),
        Para(
            "Pemerintah kota menyatakan telah menyiapkan anggaran tanggap darurat untuk kebutuhan "
            "logistik pengungsi selama sepekan. Bantuan berupa beras, mi instan, popok bayi, dan "
            "obat-obatan mulai didistribusikan sejak Kamis siang."
        ),
        Para(
            "Wali kota dijadwalkan meninjau lokasi pengungsian pada Jumat (13/3/2026) pagi bersama "
            "jajaran dinas terkait. Kunjungan itu sekaligus untuk memeriksa kemajuan pembangunan "
            "tanggul di Kali Jingga."
        ),
        Figure(
            "banjir-rob-3",
            "Relawan membagikan makanan kepada pengungsi di Balai Warga RW 07 Muara Kencana, "
            "Kamis (12/3/2026).",
            "Andi Pratama",
        ),
        Para(
            "Bagi warga yang tetap bertahan di rumah, kelurahan menyiapkan perahu karet untuk "
            "mengantar bantuan makanan dan air bersih. Petugas juga memadamkan aliran listrik di "
            "beberapa gardu untuk mencegah korsleting di rumah yang tergenang."
        ),
        Para(
            "Hendra menambahkan, pihaknya akan mendata kerusakan rumah dan perahu nelayan setelah "
            "air surut. Data itu akan diajukan sebagai dasar pemberian bantuan perbaikan."
        ),
        Para(
            "“Kami minta warga tetap tenang dan mengikuti arahan petugas. Jangan kembali ke rumah "
            "dulu sebelum air benar-benar surut, terutama pada malam hari,” katanya."
        ),
        Para(
            "Hingga berita ini diturunkan, genangan di Kelurahan Pasir Putih Baru sudah mulai "
            "surut, sedangkan di Muara Kencana dan Tanjung Lestari air masih bertahan di kisaran "
            "30 sentimeter."
        ),
    ),
)

CABAI = _article(
    "bisnis",
    "harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
    _at(10, 14, 20),
    title="Harga Cabai Rawit Tembus Rp 95.000 per Kilogram, Pedagang Pasar Induk Keluhkan Pasokan",
    summary=(
        "Harga cabai rawit merah di Pasar Induk Cempaka Raya naik hampir dua kali lipat "
        "dibandingkan awal Februari karena pasokan dari sentra produksi berkurang."
    ),
    authors=("Siti Rahmawati",),
    editor="Wulan Sari",
    tags=("Harga Cabai", "Ramadan", "Pasar Induk"),
    related=(
        "nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar",
        "warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi",
    ),
    further=(
        "warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi",
        "harbor/ferry-operator-adds-night-crossings-as-tourism-rebounds",
        "nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",
    ),
    body=(
        Figure(
            "cabai-1",
            "Pedagang menata cabai rawit merah di Pasar Induk Cempaka Raya, Jakarta Timur, "
            "Selasa (10/3/2026).",
            "Rizky Ramadhan",
        ),
        Para(
            "Harga {tag:cabai rawit} merah di tingkat pedagang terus merangkak naik menjelang "
            "bulan "
            "Ramadan. Di Pasar Induk Cempaka Raya, Jakarta Timur, komoditas itu dijual Rp 95.000 "
            "per kilogram pada Selasa (10/3/2026), naik hampir dua kali lipat dibandingkan awal "
            "Februari.",
            dateline=DATELINE,
        ),
        Para(
            "Kenaikan juga terjadi pada cabai merah keriting yang kini dijual Rp 68.000 per "
            "kilogram, dari sebelumnya Rp 45.000. Adapun harga bawang merah relatif stabil di "
            "kisaran Rp 38.000 per kilogram."
        ),
        Para(
            "Pedagang menyebut pasokan dari sentra produksi di Jawa Tengah dan Jawa Timur "
            "berkurang "
            "drastis dalam dua pekan terakhir. Curah hujan tinggi membuat banyak tanaman cabai "
            "membusuk sebelum dipanen."
        ),
        Teaser("nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar", "bullet"),
        Para(
            "“Biasanya satu hari masuk 40 ton ke pasar ini. Sekarang paling banyak 25 ton, itu pun "
            "kualitasnya campur,” kata Haji Rusdi (58), pedagang grosir yang sudah berjualan lebih "
            "dari 20 tahun."
        ),
        Para(
            "Rusdi mengaku terpaksa mengurangi stok agar tidak merugi. Cabai yang terlalu lama "
            "disimpan, kata dia, cepat layu dan tidak laku dijual dengan harga normal."
        ),
        AD,
        Para(
            "Kondisi serupa dirasakan pedagang eceran. Yanti (41), penjual sayur di pasar "
            "tradisional kawasan Cawang, mengatakan pembeli kini hanya membeli cabai dalam jumlah "
            "kecil, misalnya Rp 5.000 atau Rp 10.000."
        ),
        Para(
            "“Ibu-ibu pada protes, tapi mau bagaimana lagi, modal kami juga naik. Ada yang "
            "akhirnya "
            "pindah beli cabai kering atau sambal kemasan,” tuturnya."
        ),
        Figure(
            "cabai-2",
            "Pembeli memilih cabai di lapak pedagang eceran, Selasa (10/3/2026). Harga cabai rawit "
            "naik hampir dua kali lipat dalam sebulan.",
            "Rizky Ramadhan",
        ),
        Para(
            "Pengamat pertanian dari Universitas Agraria Nusantara, Teguh Santosa, menilai "
            "lonjakan "
            "harga cabai menjelang hari besar keagamaan merupakan pola musiman yang berulang. "
            "Namun, tahun ini kenaikannya diperparah cuaca ekstrem di sentra produksi."
        ),
        Para(
            "Menurut Teguh, pemerintah daerah perlu memperkuat kerja sama antardaerah agar pasokan "
            "dari wilayah yang sedang panen bisa dialihkan ke kota-kota besar. Ia juga mendorong "
            "petani memakai rumah tanam sederhana untuk mengurangi risiko gagal panen."
        ),
        Para(
            "“Cabai ini komoditas yang sangat sensitif terhadap cuaca. Kalau tidak ada intervensi "
            "dari hulu, setiap musim hujan kita akan melihat siklus yang sama,” ujarnya."
        ),
        Para(
            "Kenaikan harga cabai juga mulai dirasakan pemilik warung makan. Sejumlah pedagang "
            "nasi "
            "padang dan warung tegal di sekitar pasar mengaku mengurangi porsi sambal gratis atau "
            "menggantinya dengan sambal berbahan tomat agar biaya produksi tidak membengkak."
        ),
        Teaser("warta/rupiah-ditutup-menguat-ke-rp-16240-per-dolar-as-ditopang-data-inflasi"),
        Para(
            "Sementara itu, dinas ketahanan pangan setempat berencana menggelar operasi pasar di "
            "20 "
            "titik mulai pekan depan. Cabai rawit akan dijual Rp 60.000 per kilogram dengan "
            "pembelian maksimal satu kilogram per orang."
        ),
        Para(
            "Operasi pasar tersebut akan berlangsung hingga sepekan sebelum Lebaran, atau lebih "
            "cepat apabila harga di pasaran sudah kembali normal."
        ),
        Para(
            "Warga yang ingin membeli cabai di operasi pasar diminta membawa kartu identitas. "
            "Lokasi "
            "dan jadwal operasi pasar akan diumumkan melalui kelurahan dan akun media sosial resmi "
            "pemerintah kota."
        ),
    ),
)

STARTUP = _article(
    "techno",
    "startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar",
    _at(9, 10, 5),
    title=(
        "Startup Logistik Asal Bandung Raih Pendanaan Seri A Rp 180 Miliar "
        "untuk Perluas Gudang Mikro"
    ),
    summary=(
        "LajurPaket akan membangun 60 gudang mikro baru di kota-kota lapis kedua di Jawa dan "
        "Sumatra sepanjang 2026."
    ),
    authors=("Yohanes Kurniawan",),
    editor="Wulan Sari",
    tags=("Startup", "Logistik", "Pendanaan"),
    related=(
        "nusa/harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
        "warta/cara-mengaktifkan-verifikasi-dua-langkah-di-aplikasi-pesan",
    ),
    further=(
        "warta/cara-mengaktifkan-verifikasi-dua-langkah-di-aplikasi-pesan",
        "harbor/port-ellery-approves-floating-solar-farm-on-disused-reservoir",
        "nusa/persada-sidoarjo-tumbangkan-bintang-timur-2-1-lewat-gol-menit-akhir",
    ),
    body=(
        Figure(
            "startup-1",
            "Pekerja memindai paket di gudang mikro LajurPaket di kawasan Cibiru, Bandung, Senin "
            "(9/3/2026).",
            "HO/LajurPaket",
        ),
        Para(
            "Perusahaan rintisan logistik asal Bandung, LajurPaket, mengumumkan perolehan "
            "pendanaan Seri A senilai 11 juta dolar AS atau sekitar Rp 180 miliar. Putaran "
            "pendanaan ini dipimpin sebuah modal ventura regional dan diikuti sejumlah investor "
            "lama.",
            dateline="NUSAKINI.COM, BANDUNG",
        ),
        Para(
            "Pendiri sekaligus CEO LajurPaket, Nadia Prameswari, mengatakan dana segar tersebut "
            "akan digunakan untuk membangun 60 gudang mikro baru di kota-kota lapis kedua di Jawa "
            "dan Sumatra sepanjang 2026."
        ),
        Para(
            "“Pelaku UMKM di kota kecil sering harus menunggu tiga sampai lima hari agar paketnya "
            "sampai ke pembeli. Dengan gudang mikro di dekat mereka, kami ingin memangkas waktu "
            "itu "
            "menjadi satu hari,” kata Nadia dalam konferensi pers di Bandung, Senin (9/3/2026)."
        ),
        Teaser("nusa/persada-sidoarjo-tumbangkan-bintang-timur-2-1-lewat-gol-menit-akhir"),
        Para(
            "Saat ini LajurPaket mengoperasikan 35 gudang mikro dan melayani sekitar 18.000 "
            "penjual daring. Perusahaan mengklaim volume pengiriman tumbuh empat kali lipat dalam "
            "setahun terakhir."
        ),
        AD,
        Para(
            "Selain membangun gudang, sebagian dana akan dialokasikan untuk pengembangan perangkat "
            "lunak pengelolaan stok. Sistem itu memungkinkan penjual memantau persediaan barang di "
            "beberapa gudang sekaligus melalui aplikasi ponsel."
        ),
        Figure(
            "startup-2",
            "Tampilan aplikasi pengelolaan stok LajurPaket yang dipakai penjual daring.",
            "HO/LajurPaket",
        ),
        Para(
            "Nadia menambahkan, perusahaan juga akan merekrut sekitar 400 pekerja gudang dan kurir "
            "baru. Sebagian besar perekrutan dilakukan di daerah tempat gudang baru dibangun."
        ),
        Para(
            "Ekonom digital Bayu Aditama menilai model gudang mikro cocok untuk pasar Indonesia "
            "yang wilayahnya luas dan infrastrukturnya belum merata. Namun, ia mengingatkan bahwa "
            "persaingan di sektor logistik sangat ketat dan margin keuntungannya tipis."
        ),
        Para(
            "“Tantangannya ada di efisiensi. Kalau utilisasi gudang rendah, biaya operasional bisa "
            "menggerus pendanaan dengan cepat,” ujar Bayu."
        ),
        Para(
            "Menurut Bayu, perusahaan logistik yang bisa bertahan biasanya fokus pada wilayah "
            "tertentu "
            "terlebih dahulu sebelum berekspansi. Ia menilai langkah LajurPaket membidik kota "
            "lapis "
            "kedua cukup masuk akal karena persaingan di kota besar sudah sangat padat."
        ),
        Para(
            "Salah satu penjual yang memakai layanan LajurPaket, Rini Marlina (34), mengaku waktu "
            "pengiriman produk keripik buatannya ke Tasikmalaya dan Garut kini lebih singkat. "
            "Sebelumnya, pembeli kerap mengeluh karena paket baru tiba hampir sepekan kemudian."
        ),
        Para(
            "“Sekarang stok saya titipkan di gudang mereka. Begitu ada pesanan, barang langsung "
            "dikirim dari gudang terdekat, jadi ongkos kirimnya juga lebih murah,” kata Rini."
        ),
        Para(
            "LajurPaket didirikan pada 2022 dan sebelumnya telah meraih pendanaan tahap awal dari "
            "sejumlah investor angel lokal."
        ),
    ),
)

BOLA = _article(
    "sport",
    "persada-sidoarjo-tumbangkan-bintang-timur-2-1-lewat-gol-menit-akhir",
    _at(8, 22, 40),
    title=(
        "Persada Sidoarjo Tumbangkan Bintang Timur 2-1 Lewat Gol Menit Akhir, Naik ke Posisi Tiga"
    ),
    summary=(
        "Gol Arif Setiawan pada menit ke-89 membawa Persada Sidoarjo menang 2-1 atas Bintang "
        "Timur Makassar di Stadion Delta Raya."
    ),
    authors=("Rizky Ramadhan",),
    editor="Bambang Sutrisno",
    desk="(rzr/bms)",
    tags=("Liga Nusantara", "Persada Sidoarjo"),
    related=("nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",),
    further=(
        "harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours",
        "warta/rekapitulasi-suara-pilkada-sekar-wangi-petahana-unggul-tipis",
        "nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar",
    ),
    body=(
        Figure(
            "bola-1",
            "Pemain Persada Sidoarjo merayakan gol kemenangan ke gawang Bintang Timur Makassar di "
            "Stadion Delta Raya, Minggu (8/3/2026) malam.",
            "Fajar Nugroho",
        ),
        Para(
            "Persada Sidoarjo memetik kemenangan dramatis 2-1 atas Bintang Timur Makassar pada "
            "pekan ke-24 {tag:Liga Nusantara} di Stadion Delta Raya, Minggu (8/3/2026) malam. Gol "
            "penentu dicetak penyerang muda Arif Setiawan pada menit ke-89.",
            dateline="NUSAKINI.COM, SIDOARJO",
        ),
        Para(
            "Tuan rumah sebenarnya tertinggal lebih dulu. Bintang Timur membuka keunggulan lewat "
            "sundulan bek tengah Marcus Oliveira yang memanfaatkan sepak pojok pada menit ke-27."
        ),
        Para(
            "Persada baru bisa menyamakan kedudukan setelah turun minum. Gelandang Dimas Saputra "
            "melepaskan tendangan keras dari luar kotak penalti yang gagal dijangkau kiper lawan "
            "pada menit ke-58."
        ),
        Teaser("nusa/festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini", "bullet"),
        Para(
            "Laga sempat terhenti sekitar lima menit pada babak kedua karena hujan deras membuat "
            "sebagian lapangan tergenang. Wasit melanjutkan pertandingan setelah petugas stadion "
            "menyapu genangan air."
        ),
        AD,
        Para(
            "Gol kemenangan lahir dari skema serangan balik. Arif yang baru masuk pada menit ke-75 "
            "menerima umpan terobosan dari Dimas, lalu menaklukkan kiper dengan tembakan mendatar "
            "ke tiang jauh."
        ),
        Para(
            "“Saya hanya berusaha tenang. Pelatih meminta saya terus berlari ke ruang kosong di "
            "belakang bek lawan,” kata Arif seusai pertandingan."
        ),
        Figure(
            "bola-2",
            "Penyerang Persada Sidoarjo, Arif Setiawan (kanan), berduel dengan bek Bintang Timur "
            "Makassar, Minggu (8/3/2026).",
            "Fajar Nugroho",
        ),
        Para(
            "Pelatih Persada, Gunawan Hadi, memuji mental bertanding anak asuhnya. Menurut dia, "
            "tim tidak panik meski tertinggal dan tetap disiplin menjalankan rencana permainan."
        ),
        Para(
            "“Kemenangan ini penting untuk kepercayaan diri pemain. Tapi kompetisi masih panjang, "
            "kami harus segera memulihkan kondisi karena Kamis sudah main tandang,” ujar Gunawan."
        ),
        Para(
            "Dengan hasil ini, Persada Sidoarjo naik ke posisi ketiga klasemen sementara dengan 45 "
            "poin, terpaut empat angka dari pemuncak klasemen. Adapun Bintang Timur Makassar "
            "tertahan di urutan kesembilan dengan 31 poin."
        ),
        Para(
            "Kemenangan ini memperpanjang catatan tak terkalahkan Persada di kandang menjadi "
            "sembilan "
            "pertandingan beruntun. Sepanjang musim ini, mereka baru sekali kalah di Stadion Delta "
            "Raya, yakni pada pekan keempat."
        ),
        Para(
            "Sebaliknya, Bintang Timur belum pernah menang dalam lima laga tandang terakhir. "
            "Pelatih "
            "Bintang Timur, Rahmat Lamba, menyesalkan timnya kehilangan konsentrasi pada "
            "menit-menit "
            "akhir."
        ),
        Para(
            "“Kami bermain baik selama 85 menit, tetapi sepak bola dihitung sampai peluit "
            "terakhir. "
            "Ini pelajaran mahal untuk anak-anak,” ujar Rahmat."
        ),
        Para(
            "Pada pekan berikutnya, Persada akan bertandang ke markas Garuda Muda Kediri, "
            "sedangkan Bintang Timur menjamu Perkasa Balikpapan."
        ),
    ),
)

SIM = _article(
    "nasional",
    "jadwal-sim-keliling-jakarta-hari-ini-jumat-13-maret-2026",
    _at(13, 6, 30),
    title="Jadwal SIM Keliling Jakarta Hari Ini, Jumat 13 Maret 2026",
    summary=(
        "Layanan SIM keliling dibuka di lima lokasi di Jakarta untuk perpanjangan SIM A dan SIM C."
    ),
    authors=("Fitri Handayani",),
    editor="Wulan Sari",
    desk="(fth/wls)",
    tags=("SIM Keliling", "Layanan Publik"),
    related=("nusa/banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi",),
    further=(
        "warta/gempa-m-48-guncang-pantai-selatan-tidak-berpotensi-tsunami",
        "harbor/council-delays-bike-lane-vote-after-seven-hour-hearing",
    ),
    body=(
        Figure(
            "sim-1",
            "Warga antre memperpanjang SIM di layanan SIM keliling, Jumat (13/3/2026).",
            "Fitri Handayani",
        ),
        Para(
            "Layanan {tag:SIM keliling} kembali dibuka di lima lokasi di Jakarta pada Jumat "
            "(13/3/2026). Layanan ini hanya untuk perpanjangan SIM A dan SIM C yang masa "
            "berlakunya belum habis.",
            dateline=DATELINE,
        ),
        Items(
            (
                "Jakarta Pusat: area parkir Taman Kota Cempaka, pukul 08.00–14.00 WIB",
                "Jakarta Utara: halaman Kantor Kecamatan Teluk Jingga, pukul 08.00–14.00 WIB",
                "Jakarta Barat: depan Pusat Belanja Meruya Permai, pukul 08.00–14.00 WIB",
                "Jakarta Selatan: Taman Sari Lestari, pukul 08.00–12.00 WIB",
                "Jakarta Timur: halaman Gelanggang Remaja Cakung Baru, pukul 08.00–14.00 WIB",
            )
        ),
        Para(
            "Pemohon diminta membawa KTP elektronik asli, SIM lama, serta surat keterangan sehat "
            "jasmani dan rohani. Biaya perpanjangan SIM A sebesar Rp 80.000, sedangkan SIM C "
            "Rp 75.000, belum termasuk biaya pemeriksaan kesehatan."
        ),
        Teaser("nusa/banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi"),
        Figure(
            "sim-2",
            "Petugas memeriksa berkas pemohon di mobil layanan SIM keliling.",
            "Fitri Handayani",
        ),
        Para(
            "Petugas mengimbau warga datang lebih awal karena kuota layanan di setiap lokasi "
            "terbatas. Jadwal dapat berubah sewaktu-waktu apabila cuaca buruk."
        ),
    ),
)

KOPI = _article(
    "regional",
    "festival-kopi-lereng-sindangsari-digelar-akhir-pekan-ini",
    _at(11, 16, 30),
    title=(
        "Festival Kopi Lereng Sindangsari Digelar Akhir Pekan Ini, Panitia "
        "Targetkan 20.000 Pengunjung"
    ),
    summary=(
        "Sebanyak 85 petani dan 40 kedai kopi ambil bagian dalam festival tahunan di lereng "
        "Gunung Sindangsari, Kabupaten Bandung."
    ),
    authors=("Yohanes Kurniawan", "Siti Rahmawati"),
    editor="Bambang Sutrisno",
    tags=("Festival Kopi", "Wisata Bandung", "UMKM"),
    related=("nusa/persada-sidoarjo-tumbangkan-bintang-timur-2-1-lewat-gol-menit-akhir",),
    further=(
        "harbor/harbor-lights-festival-returns-with-drone-show-and-longer-hours",
        "warta/mengenal-kereta-semicepat-jalur-selatan-rute-tarif-dan-jadwal-uji-coba",
        "nusa/harga-cabai-rawit-tembus-rp-95000-per-kilogram-pedagang-keluhkan-pasokan",
    ),
    body=(
        Figure(
            "kopi-1",
            "Petani memetik buah kopi di kebun warga di lereng Gunung Sindangsari, Rabu "
            "(11/3/2026).",
            "Yohanes Kurniawan",
        ),
        Para(
            "Festival Kopi Lereng Sindangsari kembali digelar pada Sabtu dan Minggu, 14–15 Maret "
            "2026, di lapangan desa Cikahuripan, Kabupaten Bandung. Panitia menargetkan 20.000 "
            "pengunjung selama dua hari penyelenggaraan.",
            dateline="NUSAKINI.COM, BANDUNG",
        ),
        Para(
            "Ketua panitia, Ujang Suherman, mengatakan festival tahun ini diikuti 85 petani kopi "
            "dan 40 kedai dari berbagai kota di Jawa Barat. Pengunjung dapat mencicipi kopi "
            "langsung dari petani sekaligus melihat proses pengolahan biji kopi."
        ),
        Para(
            "“Kami ingin orang kota tahu bahwa secangkir kopi itu perjalanannya panjang. Ada "
            "petani yang menjaga kebun dari pagi sampai sore,” kata Ujang, Rabu (11/3/2026)."
        ),
        Teaser("nusa/startup-logistik-asal-bandung-raih-pendanaan-seri-a-rp-180-miliar"),
        Para(
            "Selain lomba seduh manual, panitia menyiapkan kelas sangrai untuk pemula, pasar "
            "produk UMKM, dan pertunjukan musik tradisional. Tiket masuk dijual Rp 25.000 untuk "
            "dewasa, sedangkan anak di bawah 12 tahun tidak dipungut biaya."
        ),
        AD,
        Para(
            "Tahun lalu, festival yang sama dikunjungi sekitar 14.000 orang. Perputaran uang "
            "selama acara ditaksir mencapai Rp 2,3 miliar, sebagian besar dari penjualan kopi "
            "bubuk dan biji sangrai."
        ),
        Figure(
            "kopi-2",
            "Pengunjung mencicipi kopi seduh manual pada festival tahun lalu.",
            "Siti Rahmawati",
        ),
        Para(
            "Sekretaris desa Cikahuripan, Euis Komalasari, berharap festival ini mendongkrak harga "
            "kopi petani. Menurut dia, sebagian petani masih menjual buah kopi merah ke tengkulak "
            "dengan harga rendah."
        ),
        Para(
            "Kepala bidang pariwisata kabupaten, Dadang Rukmana, mengatakan pemerintah daerah "
            "mendukung festival ini sebagai bagian dari kalender wisata tahunan. Ia berharap "
            "pengunjung juga singgah ke desa-desa wisata di sekitar lokasi festival."
        ),
        Para(
            "“Kopi dari lereng Sindangsari sudah dikenal sampai luar negeri, tetapi banyak warga "
            "Bandung sendiri yang belum pernah datang ke kebunnya. Festival ini jembatannya,” kata "
            "Dadang."
        ),
        Para(
            "Panitia juga menyiapkan tur kebun pada pagi hari dengan kuota 30 orang per kelompok. "
            "Peserta diajak berjalan menyusuri kebun, memetik buah kopi, lalu menjemurnya bersama "
            "petani."
        ),
        Para(
            "Untuk mengurai kemacetan, panitia menyiapkan kantong parkir di dua titik dan layanan "
            "angkutan antar-jemput gratis dari alun-alun kecamatan setiap 20 menit."
        ),
        Para(
            "Bagi pengunjung yang membawa kendaraan pribadi, panitia menyarankan berangkat sebelum "
            "pukul 08.00 WIB. Jalan menuju lokasi festival sempit dan menanjak sehingga rawan "
            "macet "
            "saat akhir pekan."
        ),
        Para(
            "Pengunjung disarankan membawa jaket karena suhu udara di lokasi festival bisa turun "
            "hingga 16 derajat Celsius pada malam hari."
        ),
    ),
)


def _syndicated_quake() -> Article:
    """NusaKini's copy of WartaKilat's quake report (same text, own dateline)."""
    original = warta_articles.GEMPA
    body = tuple(
        Para(block.text, dateline="NUSAKINI.COM, BANDUNG")
        if isinstance(block, Para) and block.dateline
        else block
        for block in original.body
        if not isinstance(block, Teaser | Widget)
    )
    return _article(
        "regional",
        "gempa-magnitudo-48-guncang-pantai-selatan-tidak-berpotensi-tsunami",
        _at(13, 9, 5),
        title="Gempa Magnitudo 4,8 Guncang Pantai Selatan, Tidak Berpotensi Tsunami",
        summary=original.summary,
        authors=("Tim NusaKini",),
        editor="Wulan Sari",
        tags=("Gempa", "Pantai Selatan"),
        related=("nusa/banjir-rob-rendam-tiga-kelurahan-di-pesisir-utara-ratusan-warga-mengungsi",),
        further=(
            "warta/kawanan-gajah-liar-masuk-kebun-warga-petugas-lakukan-penggiringan",
            "harbor/water-main-break-closes-dock-street-until-friday",
        ),
        body=(*body[:3], AD, *body[3:]),
        syndicated_from=original.key,
        desk="",
    )


GEMPA = _syndicated_quake()

ARTICLES: tuple[Article, ...] = (BANJIR, CABAI, STARTUP, BOLA, SIM, KOPI, GEMPA)

SECTIONS = {
    "nasional": "Nasional",
    "regional": "Regional",
    "bisnis": "Bisnis",
    "sport": "Sport",
    "techno": "Techno",
}
