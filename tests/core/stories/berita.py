"""A small labelled set of our own: fictional Indonesian outlets telling the same events, and
look-alike events that must stay apart (two earthquakes, two celebrities entering rehab).

Each item: (event label, outlet, published, title, lead, text). Written for these tests.
"""

from __future__ import annotations

from typing import Any

BERITA: list[tuple[str, str, str, str, str | None, str]] = [
    (
        "gempa-cianjur",
        "Warta Nusa",
        "2026-03-02T08:10:00+07:00",
        "Gempa magnitudo 5,6 guncang Cianjur, puluhan rumah rusak",
        "Gempa bumi berkekuatan magnitudo 5,6 mengguncang Kabupaten Cianjur, Jawa Barat, "
        "Senin pagi.",
        "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat pusat gempa berada di "
        "darat, 10 kilometer barat daya Cianjur, pada kedalaman 11 kilometer. Warga di Kecamatan "
        "Cugenang berhamburan keluar rumah. Badan Penanggulangan Bencana Daerah (BPBD) Cianjur "
        "melaporkan 42 rumah rusak dan tiga warga luka ringan. Getaran juga dirasakan di Sukabumi "
        "dan Bogor. BMKG menyatakan gempa tidak berpotensi tsunami.",
    ),
    (
        "gempa-cianjur",
        "Kabar Pagi",
        "2026-03-02T09:25:00+07:00",
        "BPBD: 42 rumah rusak akibat gempa Cianjur",
        None,
        "Jumlah rumah yang rusak akibat gempa magnitudo 5,6 di Cianjur bertambah menjadi 42 unit. "
        "Kepala BPBD Cianjur mengatakan sebagian besar kerusakan berada di Kecamatan Cugenang. "
        "Tiga warga mengalami luka ringan dan sudah dirawat di puskesmas. "
        "BMKG mencatat pusat gempa di darat pada kedalaman 11 kilometer. "
        "Warga diminta tetap waspada terhadap gempa susulan.",
    ),
    (
        "gempa-cianjur",
        "Suara Timur",
        "2026-03-02T11:40:00+07:00",
        "Warga Cugenang mengungsi setelah gempa M5,6",
        "Ratusan warga Cugenang, Cianjur, memilih bertahan di tenda darurat setelah gempa "
        "pagi tadi.",
        "Gempa magnitudo 5,6 yang mengguncang Cianjur membuat warga Cugenang takut kembali ke "
        "rumah. BPBD Cianjur mendirikan tenda darurat di lapangan desa. Menurut BMKG, hingga siang "
        "tercatat delapan gempa susulan dengan kekuatan lebih kecil. Sebanyak 42 rumah dilaporkan "
        "rusak. Bupati Cianjur meninjau lokasi dan menjanjikan bantuan perbaikan rumah.",
    ),
    (
        "gempa-maluku",
        "Kabar Pagi",
        "2026-03-04T21:05:00+07:00",
        "Gempa magnitudo 6,1 guncang Maluku Tengah, warga Ambon panik",
        "Gempa bumi berkekuatan magnitudo 6,1 mengguncang Kabupaten Maluku Tengah, Rabu malam.",
        "BMKG mencatat pusat gempa berada di laut, 35 kilometer timur laut Masohi, pada kedalaman "
        "24 kilometer. Guncangan terasa kuat di Kota Ambon sehingga warga berlarian keluar rumah. "
        "BPBD Maluku Tengah melaporkan sebuah gereja dan 17 rumah di Pulau Seram rusak. BMKG "
        "menyatakan gempa tidak berpotensi tsunami, namun warga pesisir diminta menjauhi pantai.",
    ),
    (
        "gempa-maluku",
        "Warta Nusa",
        "2026-03-04T22:30:00+07:00",
        "17 rumah rusak di Pulau Seram akibat gempa M6,1",
        None,
        "Gempa magnitudo 6,1 di Maluku Tengah merusak 17 rumah dan sebuah gereja di Pulau Seram. "
        "Kepala BPBD Maluku Tengah mengatakan belum ada laporan korban jiwa. Pusat gempa berada di "
        "laut timur laut Masohi pada kedalaman 24 kilometer. Warga Ambon sempat panik karena "
        "guncangan terasa sekitar sepuluh detik.",
    ),
    (
        "gempa-maluku",
        "Harian Selat",
        "2026-03-05T07:15:00+07:00",
        "Warga pesisir Masohi mengungsi ke bukit setelah gempa",
        "Ratusan warga pesisir Masohi bermalam di perbukitan setelah gempa magnitudo 6,1.",
        "Warga pesisir Masohi, Maluku Tengah, memilih mengungsi ke perbukitan karena khawatir "
        "tsunami, meski BMKG sudah menyatakan gempa magnitudo 6,1 itu tidak berpotensi tsunami. "
        "Pemerintah Kabupaten Maluku Tengah mengirim bantuan makanan dan selimut. Di Pulau Seram, "
        "17 rumah dan sebuah gereja rusak.",
    ),
    (
        "rehab-rina",
        "Suara Timur",
        "2026-03-03T14:00:00+07:00",
        "Penyanyi Rina Melati jalani rehabilitasi narkoba",
        "Penyanyi Rina Melati menjalani rehabilitasi di Lido, Bogor, setelah ditangkap polisi.",
        "Kuasa hukum Rina Melati, Bambang Sutejo, membenarkan kliennya kini menjalani "
        "rehabilitasi di Balai Besar Rehabilitasi BNN di Lido. Rina ditangkap Polres Jakarta "
        "Selatan di sebuah apartemen di Kemang pekan lalu. Polisi menemukan sabu seberat 0,4 gram. "
        "Bambang meminta publik menghormati privasi keluarga Rina.",
    ),
    (
        "rehab-rina",
        "Warta Nusa",
        "2026-03-03T16:45:00+07:00",
        "Kuasa hukum: Rina Melati direhabilitasi di Lido",
        None,
        "Rina Melati kini direhabilitasi di Balai Besar Rehabilitasi BNN Lido, Bogor, kata kuasa "
        "hukumnya Bambang Sutejo. Penyanyi itu ditangkap Polres Jakarta Selatan di Kemang dengan "
        "barang bukti sabu 0,4 gram. Menurut Bambang, Rina kooperatif dan ingin pulih.",
    ),
    (
        "rehab-dimas",
        "Harian Selat",
        "2026-03-05T10:30:00+07:00",
        "Aktor Dimas Pratama masuk panti rehabilitasi",
        "Aktor Dimas Pratama memilih masuk panti rehabilitasi narkoba di Bali atas kemauan "
        "sendiri.",
        "Manajer Dimas Pratama, Yuli Hartono, mengatakan aktor film laga itu masuk panti "
        "rehabilitasi swasta di Denpasar sejak Selasa. Dimas tidak sedang berurusan dengan polisi. "
        "Yuli menyebut Dimas ingin berhenti dari ketergantungan obat penenang setelah syuting yang "
        "melelahkan. Jadwal promosi filmnya ditunda dua bulan.",
    ),
    (
        "rehab-dimas",
        "Kabar Pagi",
        "2026-03-05T12:10:00+07:00",
        "Dimas Pratama jalani rehabilitasi di Denpasar, promosi film ditunda",
        None,
        "Aktor Dimas Pratama menjalani rehabilitasi di sebuah panti swasta di Denpasar, Bali. "
        "Manajernya, Yuli Hartono, memastikan Dimas masuk atas kemauan sendiri karena "
        "ketergantungan obat penenang. Promosi film terbarunya ditunda dua bulan.",
    ),
    (
        "banjir-jakarta",
        "Warta Nusa",
        "2026-03-06T06:30:00+07:00",
        "Banjir rendam 120 RT di Jakarta Timur",
        "Hujan deras semalaman membuat Kali Ciliwung meluap dan merendam permukiman.",
        "Badan Penanggulangan Bencana Daerah DKI Jakarta mencatat 120 RT di Jakarta Timur terendam "
        "banjir setinggi 40 hingga 150 sentimeter pada Jumat pagi. Wilayah terparah berada di "
        "Kampung Melayu dan Bidara Cina. Pintu Air Manggarai berstatus Siaga 1. Sekitar 900 warga "
        "mengungsi ke masjid dan sekolah.",
    ),
    (
        "banjir-jakarta",
        "Harian Selat",
        "2026-03-06T08:00:00+07:00",
        "Ciliwung meluap, 900 warga Kampung Melayu mengungsi",
        None,
        "Sekitar 900 warga Kampung Melayu dan Bidara Cina mengungsi setelah Kali Ciliwung meluap. "
        "BPBD DKI Jakarta menyebut 120 RT di Jakarta Timur terendam. Pintu Air Manggarai berada "
        "pada status Siaga 1 sejak subuh. Petugas mengerahkan perahu karet untuk mengevakuasi "
        "warga lanjut usia.",
    ),
    (
        "timnas",
        "Suara Timur",
        "2026-03-06T22:00:00+07:00",
        "Timnas Indonesia tekuk Vietnam 2-0 di Gelora Bung Karno",
        "Dua gol Egy Maulana membawa Indonesia menang atas Vietnam.",
        "Tim nasional Indonesia mengalahkan Vietnam 2-0 dalam laga persahabatan di Stadion Gelora "
        "Bung Karno, Jumat malam. Egy Maulana mencetak gol pada menit ke-23 dan ke-71. Pelatih "
        "Indonesia memuji disiplin lini belakang. Sebanyak 60 ribu penonton memadati stadion.",
    ),
    (
        "timnas",
        "Kabar Pagi",
        "2026-03-06T22:40:00+07:00",
        "Egy Maulana dua gol, Indonesia kalahkan Vietnam",
        None,
        "Egy Maulana menjadi bintang saat Indonesia menang 2-0 atas Vietnam di Gelora Bung Karno. "
        "Gol pertama lahir pada menit ke-23 lewat sundulan, gol kedua pada menit ke-71. Vietnam "
        "gagal membalas meski menguasai bola di babak kedua.",
    ),
]

HOSTS = {
    "Warta Nusa": "wartanusa.example",
    "Kabar Pagi": "kabarpagi.example",
    "Suara Timur": "suaratimur.example",
    "Harian Selat": "harianselat.example",
}


def items() -> list[dict[str, Any]]:
    """The set as ``group_stories`` takes it, in arrival (publication) order."""
    out = []
    for n, (event, outlet, published, title, lead, text) in enumerate(BERITA):
        out.append(
            {
                "event": event, "outlet": outlet, "published": published, "title": title,
                "description": lead, "text": text,
                "url": f"https://{HOSTS[outlet]}/berita/{n + 1}",
            }
        )  # fmt: skip
    return sorted(out, key=lambda item: item["published"])
