//! Generated news prose for the shape tests (issue 12 part 4): invented
//! sentences of news Vietnamese (subject, verb, object, adjuncts; invented
//! people, real provinces) and articles made of them, from the seeded
//! generator, so that a failure names its seed.

use super::rng::Rng;

const SURNAMES: &[&str] = &["Nguyễn", "Lê", "Phạm", "Vũ", "Đặng", "Hồ", "Đinh", "Mai"];
const GIVEN: &[&str] = &[
    "Văn Khôi",
    "Thị Mận",
    "Quốc Huy",
    "Hữu Lực",
    "Thu Giang",
    "Minh Trí",
];
const PLACES: &[&str] = &[
    "Tuyên Quang",
    "Bến Tre",
    "Phú Yên",
    "Hà Giang",
    "Sóc Trăng",
    "Kon Tum",
];
const SUBJECTS: &[&str] = &[
    "Chính quyền xã",
    "Nhiều hộ trồng cam",
    "Ban quản lý chợ đầu mối",
    "Trường trung học cơ sở của huyện",
    "Hợp tác xã nuôi tôm",
    "Công ty cấp nước của tỉnh",
];
const VERBS: &[&str] = &[
    "vừa hoàn tất",
    "đang chuẩn bị",
    "đã đề xuất",
    "cho biết sẽ mở rộng",
    "đã tạm dừng",
    "đang thử nghiệm",
];
const OBJECTS: &[&str] = &[
    "việc nạo vét kênh tưới tiêu",
    "mô hình bán nông sản qua mạng",
    "kế hoạch lát lại mặt đường liên thôn",
    "lớp dạy bơi miễn phí cho trẻ em",
    "dự án lắp đèn năng lượng mặt trời",
    "phương án di dời các hộ ven sông",
];
const ADJUNCTS: &[&str] = &[
    "trước mùa mưa năm nay",
    "với kinh phí khoảng {n} tỷ đồng",
    "sau nhiều tháng lấy ý kiến người dân",
    "tại {place}",
    "theo đề nghị của {name}",
    "kể từ ngày {d}/{m}",
];

/// One generated sentence: subject, verb, object, one or two adjuncts.
pub fn sentence(rng: &mut Rng) -> String {
    let mut s = format!(
        "{} {} {}",
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    );
    for _ in 0..1 + rng.below(2) {
        let name = format!("ông {} {}", rng.pick(SURNAMES), rng.pick(GIVEN));
        let adjunct = rng
            .pick(ADJUNCTS)
            .replace("{n}", &(2 + rng.below(90)).to_string())
            .replace("{place}", rng.pick(PLACES))
            .replace("{name}", &name)
            .replace("{d}", &(1 + rng.below(28)).to_string())
            .replace("{m}", &(1 + rng.below(12)).to_string());
        s = format!("{s} {adjunct}");
    }
    s + "."
}

/// A generated article: a title and paragraphs of sentences.
pub struct Article {
    /// The headline (no final stop).
    pub title: String,
    /// Paragraphs of one to three sentences.
    pub paragraphs: Vec<Vec<String>>,
}

pub fn article(rng: &mut Rng) -> Article {
    let title = format!(
        "{} {} {}",
        rng.pick(PLACES),
        rng.pick(VERBS),
        rng.pick(OBJECTS)
    );
    let paragraphs = (0..3 + rng.below(4))
        .map(|_| (0..1 + rng.below(3)).map(|_| sentence(rng)).collect())
        .collect();
    Article { title, paragraphs }
}
