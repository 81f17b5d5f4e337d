"""Word banks for the generated benchmark articles (Indonesian and English).

Sentences are templates with slots; ``generated.py`` fills them from a seeded
RNG, so every (feed, item) pair always yields the same plausible article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    """Slot values, headline and sentence templates, labels for one language."""

    language: str
    place: tuple[str, ...]
    topic: tuple[str, ...]
    person: tuple[str, ...]
    role: tuple[str, ...]
    agency: tuple[str, ...]
    day: tuple[str, ...]
    author: tuple[str, ...]
    headline: tuple[str, ...]
    sentences: tuple[str, ...]
    teaser: str
    related: str
    caption: str

    def slot(self, name: str) -> tuple[str, ...]:
        values: tuple[str, ...] = getattr(self, name)
        return values


ID = Bank(
    language="id",
    place=(
        "Kota Tanjung Sari",
        "Kabupaten Lembah Hijau",
        "Kota Sekar Wangi",
        "Kota Teluk Jingga",
        "Kabupaten Bukit Raya",
        "Kota Muara Indah",
        "Kabupaten Pasir Luhur",
        "Kota Cempaka Baru",
    ),
    topic=(
        "sampah plastik",
        "kemacetan lalu lintas",
        "harga beras",
        "pasokan air bersih",
        "parkir liar",
        "kualitas udara",
        "angkutan umum",
        "jalan berlubang",
        "penataan pedagang kaki lima",
        "layanan puskesmas",
    ),
    person=(
        "Agus Hermawan",
        "Sri Wahyuni",
        "Dedi Kurniawan",
        "Nur Aisyah",
        "Bambang Prasetyo",
        "Lina Marlina",
        "Yusuf Maulana",
        "Ratna Dewanti",
    ),
    role=(
        "Kepala Dinas Lingkungan Hidup",
        "Wali Kota",
        "Camat",
        "Kepala Dinas Perhubungan",
        "Sekretaris Daerah",
        "Kepala Bidang Pelayanan",
    ),
    agency=("dinas terkait", "kelurahan setempat", "dinas sosial", "badan perencanaan daerah"),
    day=("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"),
    author=("Rudi Hartono", "Anisa Putri", "Hendra Saputra", "Maya Sari", "Tim Redaksi"),
    headline=(
        "{Topic} di {place}, Pemerintah Siapkan Langkah Baru",
        "Warga {place} Minta Kepastian Penanganan {Topic}",
        "Atasi {Topic}, {place} Siapkan Anggaran Rp {number} Juta",
        "{role} {place} Janji Tuntaskan Persoalan {Topic}",
        "Begini Rencana {place} Menangani {Topic} Tahun Ini",
    ),
    sentences=(
        "Pemerintah {place} menyiapkan sejumlah langkah untuk menangani persoalan {topic} yang "
        "dikeluhkan warga dalam beberapa pekan terakhir.",
        "{role} {person} mengatakan pihaknya telah berkoordinasi dengan berbagai instansi terkait.",
        "Menurut dia, penanganan {topic} tidak bisa dilakukan oleh satu lembaga saja.",
        "Data yang dihimpun {agency} menunjukkan ada sekitar {number} warga yang terdampak.",
        "Warga berharap pemerintah segera turun tangan agar masalah serupa tidak terulang.",
        "“Kami sudah menunggu cukup lama. Semoga kali ini benar-benar ada tindak lanjut,” kata "
        "salah seorang warga.",
        "Rapat koordinasi lanjutan dijadwalkan berlangsung pada {day} pekan depan.",
        "Sebelumnya, persoalan {topic} juga sempat menjadi sorotan anggota dewan dalam rapat "
        "dengar pendapat.",
        "Anggaran yang disiapkan untuk program tersebut mencapai Rp {number} juta.",
        "Pengamat kebijakan publik menilai langkah itu sudah tepat, meski pelaksanaannya perlu "
        "diawasi.",
        "Ia menambahkan, sosialisasi kepada masyarakat akan dilakukan melalui kelurahan dan media "
        "sosial.",
        "Hingga {day} sore, petugas masih melakukan pendataan di sejumlah titik.",
        "Sejumlah relawan juga ikut membantu membagikan informasi kepada warga di permukiman "
        "padat.",
        "Pihak {agency} memastikan layanan kepada masyarakat tetap berjalan normal.",
        "Kondisi cuaca yang tidak menentu turut memengaruhi jalannya kegiatan di lapangan.",
        "Program serupa sebelumnya telah diuji coba di tiga kecamatan dan mendapat tanggapan "
        "positif.",
        "Evaluasi akan dilakukan setiap bulan untuk memastikan target tercapai.",
        "“Kami terbuka terhadap masukan dari warga, silakan sampaikan melalui kanal pengaduan "
        "resmi,” ujar {person}.",
        "Di sisi lain, pelaku usaha kecil berharap kebijakan ini tidak menambah beban biaya "
        "operasional.",
        "Pemerintah daerah menargetkan persoalan {topic} dapat tertangani sebelum akhir tahun.",
        "Sebagian warga mengaku belum mengetahui rencana tersebut karena informasi belum merata.",
        "Petugas gabungan juga akan melakukan pemantauan rutin setiap pagi dan sore hari.",
        "Keluhan soal {topic} paling banyak datang dari warga di kawasan padat penduduk.",
        "Langkah itu diharapkan bisa menjadi contoh bagi daerah lain yang menghadapi masalah "
        "serupa.",
    ),
    teaser="Baca juga:",
    related="Berita Terkait",
    caption="Suasana di lokasi kegiatan. (Foto: dokumentasi)",
)

EN = Bank(
    language="en",
    place=(
        "Port Ellery",
        "Millbrook",
        "Gannet Island",
        "Eastvale",
        "Harrow Point",
        "Linden Falls",
        "Cobble Hill",
        "North Quay",
    ),
    topic=(
        "potholes",
        "school bus delays",
        "rising rents",
        "park maintenance",
        "storm drains",
        "library hours",
        "noise complaints",
        "ferry fares",
        "street lighting",
        "recycling pickups",
    ),
    person=(
        "Alice Moreno",
        "James Whitfield",
        "Hannah Cole",
        "Victor Osei",
        "Ruth Delaney",
        "Samir Haddad",
        "Nora Lindgren",
        "Peter Quist",
    ),
    role=(
        "Mayor",
        "Council member",
        "Public works director",
        "School superintendent",
        "Parks commissioner",
        "City manager",
    ),
    agency=("the city", "the county", "the school district", "the transit authority"),
    day=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    author=("Lena Hart", "Marcus Bell", "Jo Tanaka", "Ellen Price", "Staff report"),
    headline=(
        "{place} moves to tackle {topic}",
        "{Topic}: what {place} residents need to know",
        "{role} promises action on {topic} in {place}",
        "{place} sets aside ${number},000 for {topic}",
        "Residents press {place} officials over {topic}",
    ),
    sentences=(
        "Officials in {place} outlined new steps on Tuesday to deal with {topic}, an issue "
        "residents have raised at nearly every public meeting this year.",
        "{role} {person} said the plan had been drawn up with several departments.",
        "According to {person}, no single agency can fix {topic} on its own.",
        "Figures compiled by {agency} suggest about {number} households are affected.",
        "Residents said they hoped the measures would prevent a repeat of last winter.",
        "“We have waited a long time. I hope this time something actually happens,” one resident "
        "said.",
        "A follow-up meeting is scheduled for {day} next week.",
        "The issue of {topic} was also raised by several members at a hearing last month.",
        "The program's budget is about ${number},000, according to city documents.",
        "Policy analysts said the approach was sensible, though it would need close oversight.",
        "Outreach will be done through neighborhood associations and social media, {person} added.",
        "As of {day} afternoon, crews were still surveying several sites.",
        "Volunteers have also been handing out flyers in the most crowded neighborhoods.",
        "A spokesperson for {agency} said services would continue as normal in the meantime.",
        "Unsettled weather has slowed some of the work in recent days.",
        "A similar program was piloted in three neighborhoods last year and drew a positive "
        "response.",
        "Progress will be reviewed every month to make sure targets are met.",
        "“We are open to suggestions, and people can reach us through the official complaints "
        "line,” {person} said.",
        "Small business owners, meanwhile, said they hoped the changes would not add to their "
        "costs.",
        "Officials aim to have {topic} under control before the end of the year.",
        "Some residents said they had not heard about the plan because notices were slow to "
        "arrive.",
        "Inspectors will also carry out checks every morning and evening.",
        "Complaints about {topic} have come mostly from the densest parts of town.",
        "Officials said they hoped other towns facing similar problems would learn from the "
        "effort.",
    ),
    teaser="Read more:",
    related="Related stories",
    caption="The scene earlier this week. (Photo: staff)",
)
