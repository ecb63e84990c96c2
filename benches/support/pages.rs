//! Benchmark inputs: invented Vietnamese news pages of any size, built the way
//! a paste looks (site menu, dateline, headline, byline, lead, body, photo
//! captions, related-article list, footer). Every person, event and site is
//! made up; no text comes from a real page.
//!
//! One page is about 20 KB. Larger inputs are pages one after another, each
//! varied (other names, dates, figures, paragraph order) from a seeded
//! generator, so that the cleaner sees repeated site furniture but distinct
//! article lines, as in a paste of several articles. Smaller inputs are one
//! page with fewer paragraphs and less furniture. The same size always gives
//! the same bytes.

/// The sizes measured, by name and target bytes (inputs come out at most
/// this long, a little shorter, cut at a line boundary).
pub const SIZES: &[(&str, usize)] = &[
    ("1KB", 1_000),
    ("5KB", 5_000),
    ("20KB", 20_000),
    ("100KB", 100_000),
    ("500KB", 500_000),
    ("1MB", 1_000_000),
    ("5MB", 5_000_000),
];

/// A small deterministic generator (xorshift64*): the inputs must not change
/// between runs or machines.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
}

const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Hữu", "Đức", "Quốc", "Thanh", "Ngọc", "Xuân", "Kim",
];
const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Khánh", "Long", "Nam", "Phong", "Quân", "Sơn",
    "Tâm", "Uyên", "Vinh", "Yến",
];
/// Invented foreign names, each with the country its holder speaks for.
const FOREIGN: &[(&str, &str, &str)] = &[
    ("Sômphết", "Inthavongsa", "Lào"),
    ("Kenta", "Morishige", "Nhật Bản"),
    ("Marta", "Kowalewska", "Ba Lan"),
    ("Ravi", "Deshmurkar", "Ấn Độ"),
    ("Elin", "Lindqvarn", "Thụy Điển"),
    ("Tomás", "Ferreirinha", "Bồ Đào Nha"),
    ("Sovann", "Chanthoeun", "Campuchia"),
];
const VN_TITLES: &[&str] = &[
    "Bộ trưởng Ngoại giao",
    "Bộ trưởng Công Thương",
    "Thứ trưởng Ngoại giao",
    "Phó Thủ tướng Chính phủ",
    "Chủ tịch Ủy ban nhân dân tỉnh Quảng Bình",
    "Bí thư Tỉnh ủy Lạng Sơn",
];
const FOREIGN_TITLES: &[&str] = &[
    "Bộ trưởng Ngoại giao",
    "Đại sứ",
    "Bộ trưởng Kinh tế",
    "Thống đốc",
    "Chủ tịch Quốc hội",
];
const CITIES: &[&str] = &[
    "Hà Nội",
    "Đà Nẵng",
    "Thành phố Hồ Chí Minh",
    "Cần Thơ",
    "Hải Phòng",
    "Huế",
];
const TIMES: &[&str] = &["Sáng", "Chiều", "Tối", "Trưa"];
const FIELDS: &[&str] = &[
    "giáo dục, nông nghiệp và năng lượng tái tạo",
    "thương mại, đầu tư và chuyển đổi số",
    "y tế, du lịch và giao lưu nhân dân",
    "quốc phòng, an ninh và ứng phó biến đổi khí hậu",
];
const MENU: &[&str] = &[
    "Trang chủ",
    "Thời sự",
    "Thế giới",
    "Kinh tế",
    "Xã hội",
    "Văn hóa",
    "Thể thao",
    "Pháp luật",
    "Đời sống",
    "Video",
];
const DAYS: &[&str] = &[
    "Thứ Hai",
    "Thứ Ba",
    "Thứ Tư",
    "Thứ Năm",
    "Thứ Sáu",
    "Thứ Bảy",
    "Chủ Nhật",
];

fn person(r: &mut Rng) -> String {
    format!("{} {} {}", r.pick(SURNAMES), r.pick(MIDDLE), r.pick(GIVEN))
}

/// The cast of one page: who meets whom, where and when.
struct Story {
    host: String,
    host_title: &'static str,
    guest: String,
    guest_title: &'static str,
    country: &'static str,
    city: &'static str,
    day: u32,
    month: u32,
    year: u32,
    reporter: String,
}

impl Story {
    fn new(r: &mut Rng) -> Story {
        let (given, family, country) = FOREIGN[r.below(FOREIGN.len())];
        Story {
            host: person(r),
            host_title: r.pick(VN_TITLES),
            guest: format!("{given} {family}"),
            guest_title: r.pick(FOREIGN_TITLES),
            country,
            city: r.pick(CITIES),
            day: r.range(1, 27),
            month: r.range(1, 12),
            year: r.range(2019, 2026),
            reporter: person(r),
        }
    }

    fn title(&self) -> String {
        format!(
            "{} {} tiếp {} {} {}",
            self.host_title, self.host, self.guest_title, self.country, self.guest
        )
    }

    /// Body paragraph number `k` (the lead is 0).
    fn paragraph(&self, k: usize, r: &mut Rng) -> String {
        let s = self;
        let other = person(r);
        // Every kind of paragraph once before any comes again, each time
        // with other names and figures.
        match if k == 0 { 0 } else { 1 + (k + s.day as usize) % 7 } {
            0 => format!(
                "{} {}/{}, tại {}, {} {} đã tiếp {} {} {} nhân dịp {} sang thăm và làm việc tại Việt Nam từ ngày {}-{}/{}.",
                r.pick(TIMES), s.day, s.month, s.city, s.host_title, s.host, s.guest_title, s.country, s.guest,
                s.guest_title.to_lowercase(), s.day, s.day + 2, s.month
            ),
            1 => format!(
                "Tại buổi tiếp, {} {} nhấn mạnh quan hệ giữa Việt Nam và {} đang phát triển tốt đẹp, đề nghị hai bên tiếp tục phối hợp chặt chẽ, phấn đấu đưa kim ngạch thương mại song phương đạt {} tỷ USD trong năm {}, tăng {},{}% so với cùng kỳ.",
                s.host_title, s.host, s.country, r.range(2, 40), s.year + 1, r.range(3, 30), r.range(0, 9)
            ),
            2 => format!(
                "{} {} cảm ơn sự đón tiếp chu đáo, khẳng định {} luôn coi trọng hợp tác với Việt Nam trên các lĩnh vực {}, và mong sớm có {} chuyến bay thẳng mỗi tuần giữa hai nước.",
                s.guest_title, s.guest, s.country, r.pick(FIELDS), r.range(3, 40)
            ),
            3 => format!(
                "Cùng ngày, Thứ trưởng Ngoại giao {} có cuộc điện đàm với {} {} {}, trao đổi về việc chuẩn bị Kỳ họp lần thứ {} Ủy ban hỗn hợp về hợp tác kinh tế giữa hai nước.",
                other, s.guest_title, s.country, s.guest, r.range(5, 49)
            ),
            4 => format!(
                "Nhân dịp này, hai bên đã ký Bản ghi nhớ về hợp tác lao động giai đoạn {}-{}, với tổng vốn hỗ trợ khoảng {} triệu USD, và nhất trí sớm tổ chức Diễn đàn doanh nghiệp tại {}.",
                s.year, s.year + 5, r.range(10, 900), r.pick(CITIES)
            ),
            5 => format!(
                "Theo kế hoạch, {} {} sẽ thăm chính thức {} vào tháng {}/{} và dự Hội nghị Bộ trưởng khu vực lần thứ {}.",
                s.host_title, s.host, s.country, r.range(1, 12), s.year + 1, r.range(10, 60)
            ),
            6 => format!(
                "Trước đó, ngày {}/{}, Chủ tịch Hội hữu nghị Việt Nam - {} {} đã gặp mặt đại diện cộng đồng người Việt đang sinh sống, học tập tại {}, ghi nhận những đóng góp tích cực của bà con cho quê hương.",
                r.range(1, 28), s.month, s.country, other, s.country
            ),
            _ => format!(
                "Hai bên đánh giá cao kết quả hợp tác thời gian qua, trong đó có {} dự án đầu tư với tổng vốn đăng ký hơn {} triệu USD, và cam kết tháo gỡ khó khăn để các dự án sớm đi vào hoạt động.",
                r.range(12, 300), r.range(50, 5000)
            ),
        }
    }

    fn caption(&self, r: &mut Rng) -> String {
        format!(
            "{} {} tiếp {} {} {}. (Ảnh: {})",
            self.host_title,
            self.host,
            self.guest_title,
            self.country,
            self.guest,
            person(r)
        )
    }

    fn related(&self, r: &mut Rng) -> String {
        format!(
            "{} {} làm việc với đoàn doanh nghiệp {} tại {}",
            r.pick(VN_TITLES),
            person(r),
            self.country,
            r.pick(CITIES)
        )
    }
}

/// One page of about `budget` bytes (`full`: with the whole site furniture).
fn page(seed: u64, budget: usize, full: bool) -> String {
    let mut r = Rng::new(seed);
    let s = Story::new(&mut r);
    let mut head = Vec::new();
    if full {
        head.extend(MENU.iter().map(|m| m.to_string()));
        head.push("Đăng nhập".into());
        head.push("Tìm kiếm".into());
    }
    head.push(format!(
        "{}, {:02}/{:02}/{} {:02}:{:02} (GMT+7)",
        r.pick(DAYS),
        s.day,
        s.month,
        s.year,
        r.range(6, 22),
        r.range(0, 59)
    ));
    head.push(s.title());
    head.push(s.reporter.clone());
    let mut tail = Vec::new();
    if full {
        tail.push("Theo dõi Báo Tin Phương Nam trên".into());
        tail.push("Tin liên quan".into());
        for _ in 0..4 {
            tail.push(s.related(&mut r));
        }
        tail.push("Bản quyền © Báo Tin Phương Nam. Ghi rõ nguồn khi phát hành lại thông tin từ website này.".into());
        tail.push(format!("Giấy phép số {}/GP-BTTTT", r.range(100, 999)));
        tail.push("Liên hệ quảng cáo".into());
        tail.push("Về đầu trang".into());
    }
    let fixed: usize = head.iter().chain(&tail).map(|l| l.len() + 1).sum();
    let mut body = Vec::new();
    let mut used = fixed;
    for k in 0.. {
        let p = if k > 0 && k % 9 == 4 {
            s.caption(&mut r)
        } else {
            s.paragraph(k, &mut r)
        };
        if used + p.len() + 2 > budget && k > 0 {
            break;
        }
        used += p.len() + 2;
        body.push(p);
    }
    let mut out = head.join("\n");
    out.push('\n');
    for p in &body {
        out.push_str(p);
        out.push_str("\n\n");
    }
    out.push_str(&tail.join("\n"));
    out.push('\n');
    out
}

/// An input of at most (about) `bytes` bytes: one page when that is 20 KB
/// or less, else 20 KB pages one after another.
pub fn input(bytes: usize) -> String {
    const PAGE: usize = 20_000;
    if bytes <= PAGE {
        return page(1, bytes, bytes >= 4_000);
    }
    let mut out = String::with_capacity(bytes);
    let mut seed = 1;
    while out.len() + PAGE <= bytes {
        out.push_str(&page(seed, PAGE, true));
        out.push('\n');
        seed += 1;
    }
    let rest = bytes - out.len();
    if rest > 2_000 {
        out.push_str(&page(seed, rest, true));
    }
    out
}
