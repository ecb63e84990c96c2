// The page's words in Vietnamese (the default) and English, and the switch
// between them. Elements name their string with data-i18n="key" (text) and
// data-i18n-attr="attr:key,attr:key" (attributes); applyI18n fills them in.
// Strings are only ever set as text, never parsed as HTML.

/** Entity types in the order the legend and summary show them. */
export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'TITLE', 'DATE', 'TIME', 'NUM', 'MONEY', 'PERCENT', 'MISC'];

const VI = {
  lang_switch: 'English',
  lang_switch_label: 'Switch the interface to English',
  tagline: 'Dán cả trang báo: nhận bài viết sạch, thực thể và sự kiện. Mọi thứ chạy trên máy bạn, không cần mạng.',
  skip: 'Bỏ qua, đến kết quả',
  input_heading: 'Trang báo',
  input_label: 'Nội dung trang báo',
  input_help: 'Dán cả trang (kể cả menu, tin liên quan), kéo thả tệp .txt hoặc .html, hoặc gõ. Kết quả tự cập nhật.',
  input_placeholder: 'Dán trang báo vào đây…',
  open_file: 'Mở tệp…',
  example: 'Bài mẫu',
  clear: 'Xóa',
  reference_date: 'Ngày tham chiếu',
  reference_date_help: 'Năm cho các ngày không ghi năm (lấy từ ngày đăng nếu trang có).',
  source_text: 'Văn bản',
  source_html: 'HTML · {n} khối',
  drop_here: 'Thả tệp vào đây',
  status_working: 'Đang xử lý…',
  status_done: '{ms} ms · {entities} thực thể · {events} sự kiện',
  status_idle: 'Sẵn sàng',
  status_stale: 'Kết quả bên dưới là của nội dung trước',
  out_toolbar: 'Xuất kết quả',
  copy_text: 'Chép văn bản sạch',
  copied: 'Đã chép văn bản sạch.',
  copy_failed: 'Không chép được; hãy chọn văn bản và chép thủ công.',
  download_json: 'JSON',
  download_csv_entities: 'CSV thực thể',
  download_csv_events: 'CSV sự kiện',
  download_md: 'Markdown',
  downloads: 'Tải về:',
  share: 'Tạo liên kết chia sẻ',
  share_label: 'Liên kết chia sẻ (văn bản nằm trong liên kết, đã nén)',
  share_copied: 'Đã tạo và chép liên kết ({n} ký tự).',
  share_made: 'Đã tạo liên kết ({n} ký tự).',
  article_heading: 'Bài viết',
  show_removed: 'Hiện phần đã bỏ và lý do',
  removed_heading: 'Phần đã bỏ',
  removed_none: 'Không bỏ phần nào.',
  captions_heading: 'Chú thích ảnh',
  no_title: '(không có tiêu đề)',
  byline: 'Tác giả',
  published: 'Ngày đăng',
  source: 'Nguồn',
  entities_heading: 'Thực thể',
  legend_label: 'Loại thực thể: bấm để ẩn hoặc hiện',
  highlighted_label: 'Văn bản với thực thể được tô màu. Dùng phím mũi tên để đi qua các thực thể, Enter để đánh dấu mọi lần nhắc đến.',
  summary_heading: 'Tóm tắt thực thể',
  summary_mentions: '{n} lần',
  events_heading: 'Sự kiện',
  events_none: 'Không tìm thấy sự kiện nào.',
  entities_none: 'Không tìm thấy thực thể nào.',
  article_none: 'Chưa có bài viết.',
  event_main: 'Sự kiện chính',
  event_no_date: 'Không rõ ngày',
  event_no_location: 'không rõ nơi',
  event_show_sentence: 'Xem câu trong văn bản',
  tip_canonical: 'Tên chuẩn',
  tip_roles: 'Chức danh',
  tip_country: 'Quốc gia',
  tip_value: 'Giá trị',
  tip_rule: 'Vì sao (quy tắc)',
  error_prefix: 'Lỗi khi trích xuất: ',
  error_timeout: 'Trích xuất quá lâu ({s} giây) nên đã dừng; hãy thử văn bản ngắn hơn.',
  error_share: 'Không đọc được liên kết chia sẻ: ',
  error_trap: 'Bộ trích xuất gặp lỗi nội bộ ({message}) và đã được khởi động lại. Hãy thử lại, hoặc sửa văn bản.',
  error_too_large: 'Văn bản quá lớn: {size} MB, vượt giới hạn {limit} MB. Hãy dán từng phần nhỏ hơn.',
  'warning_empty-input': 'Chưa có nội dung: hãy dán một trang báo.',
  'warning_no-article': 'Không tìm thấy bài viết: không có đoạn văn tiếng Việt liền mạch (chỉ có menu, tiêu đề, liên kết, hoặc văn bản bằng ngôn ngữ khác).',
  'warning_legacy-encoding': 'Văn bản có vẻ dùng bảng mã cũ (TCVN3 hoặc VNI) và đã được chuyển sang Unicode.',
  error_file: 'Không đọc được tệp: ',
  dismiss: 'Đóng',
  footer: 'vnextract chạy bằng WebAssembly ngay trong trình duyệt; văn bản không rời khỏi máy bạn.',
  type_PER: 'Người',
  type_ORG: 'Tổ chức',
  type_LOC: 'Địa danh',
  type_TITLE: 'Chức danh',
  type_DATE: 'Ngày tháng',
  type_TIME: 'Giờ',
  type_NUM: 'Số',
  type_MONEY: 'Tiền',
  type_PERCENT: 'Phần trăm',
  type_MISC: 'Tên khác',
  event_phone_call: 'Điện đàm',
  event_talks: 'Hội đàm',
  event_meeting: 'Gặp',
  event_reception: 'Tiếp',
  event_visit: 'Thăm',
  event_consultation: 'Tham vấn',
  event_co_chair: 'Đồng chủ trì',
  event_conference: 'Dự hội nghị',
  event_signing: 'Ký kết',
  event_award: 'Trao tặng',
  event_message: 'Thư, điện',
  event_statement: 'Tuyên bố',
  event_anniversary: 'Kỷ niệm',
  event_establish_relations: 'Thiết lập quan hệ',
  status_happened: 'Đã diễn ra',
  status_planned: 'Dự kiến',
  status_ongoing: 'Đang diễn ra',
  reason_duplicate: 'trùng lặp',
  'reason_related-links': 'tin liên quan',
  reason_navigation: 'điều hướng',
  reason_caption: 'chú thích ảnh',
  reason_byline: 'tác giả',
  reason_source: 'nguồn',
  reason_timestamp: 'thời điểm đăng',
  reason_widget: 'tiện ích của trang',
  reason_footer: 'chân trang',
  reason_heading: 'tiêu đề mục',
  reason_teaser: 'đoạn giới thiệu tin khác',
  reason_advert: 'quảng cáo',
  reason_title: 'tiêu đề lặp lại',
  'tod_sáng': 'sáng',
  'tod_trưa': 'trưa',
  'tod_chiều': 'chiều',
  'tod_tối': 'tối',
};

const EN = {
  lang_switch: 'Tiếng Việt',
  lang_switch_label: 'Chuyển giao diện sang tiếng Việt',
  tagline: 'Paste a whole news page: get the clean article, its entities and events. Everything runs on your machine, no network needed.',
  skip: 'Skip to the results',
  input_heading: 'News page',
  input_label: 'The news page',
  input_help: 'Paste a whole page (menus and related links included), drop a .txt or .html file, or type. Results update by themselves.',
  input_placeholder: 'Paste a news page here…',
  open_file: 'Open a file…',
  example: 'Example',
  clear: 'Clear',
  reference_date: 'Reference date',
  reference_date_help: 'The year for dates written without one (taken from the publication date when the page has one).',
  source_text: 'Text',
  source_html: 'HTML · {n} blocks',
  drop_here: 'Drop the file here',
  status_working: 'Working…',
  status_done: '{ms} ms · {entities} entities · {events} events',
  status_idle: 'Ready',
  status_stale: 'The results below are for the previous input',
  out_toolbar: 'Export the results',
  copy_text: 'Copy clean text',
  copied: 'Clean text copied.',
  copy_failed: 'Could not copy; select the text and copy it by hand.',
  download_json: 'JSON',
  download_csv_entities: 'Entities CSV',
  download_csv_events: 'Events CSV',
  download_md: 'Markdown',
  downloads: 'Download:',
  share: 'Make a share link',
  share_label: 'Share link (the text travels inside the link, compressed)',
  share_copied: 'Link made and copied ({n} characters).',
  share_made: 'Link made ({n} characters).',
  article_heading: 'Article',
  show_removed: 'Show what was removed, and why',
  removed_heading: 'Removed',
  removed_none: 'Nothing was removed.',
  captions_heading: 'Photo captions',
  no_title: '(no title)',
  byline: 'By',
  published: 'Published',
  source: 'Source',
  entities_heading: 'Entities',
  legend_label: 'Entity types: press to hide or show',
  highlighted_label: 'The text with entities highlighted. Use the arrow keys to move between entities and Enter to mark every mention.',
  summary_heading: 'Entity summary',
  summary_mentions: '{n}×',
  events_heading: 'Events',
  events_none: 'No events found.',
  entities_none: 'No entities found.',
  article_none: 'No article yet.',
  event_main: 'Main event',
  event_no_date: 'Date unknown',
  event_no_location: 'place unknown',
  event_show_sentence: 'Show the sentence in the text',
  tip_canonical: 'Canonical name',
  tip_roles: 'Roles',
  tip_country: 'Country',
  tip_value: 'Value',
  tip_rule: 'Why (rule)',
  error_prefix: 'Extraction failed: ',
  error_timeout: 'Extraction took too long ({s} s) and was stopped; try a shorter text.',
  error_share: 'Could not read the share link: ',
  error_trap: 'The extractor hit an internal error ({message}) and has been restarted. Try again, or change the text.',
  error_too_large: 'The text is too large: {size} MB, over the limit of {limit} MB. Paste it in smaller parts.',
  'warning_empty-input': 'Nothing to read yet: paste a news page.',
  'warning_no-article': 'No article found: no run of Vietnamese prose (only menus, headlines, links, or text in another language).',
  'warning_legacy-encoding': 'The text seems to use a legacy encoding (TCVN3 or VNI) and was converted to Unicode.',
  error_file: 'Could not read the file: ',
  dismiss: 'Dismiss',
  footer: 'vnextract runs as WebAssembly inside your browser; your text never leaves your machine.',
  type_PER: 'Person',
  type_ORG: 'Organisation',
  type_LOC: 'Place',
  type_TITLE: 'Title',
  type_DATE: 'Date',
  type_TIME: 'Time',
  type_NUM: 'Number',
  type_MONEY: 'Money',
  type_PERCENT: 'Percent',
  type_MISC: 'Other name',
  event_phone_call: 'Phone call',
  event_talks: 'Talks',
  event_meeting: 'Meeting',
  event_reception: 'Reception',
  event_visit: 'Visit',
  event_consultation: 'Consultation',
  event_co_chair: 'Co-chairing',
  event_conference: 'Conference',
  event_signing: 'Signing',
  event_award: 'Award',
  event_message: 'Message',
  event_statement: 'Statement',
  event_anniversary: 'Anniversary',
  event_establish_relations: 'Relations established',
  status_happened: 'Happened',
  status_planned: 'Planned',
  status_ongoing: 'Ongoing',
  reason_duplicate: 'duplicate',
  'reason_related-links': 'related articles',
  reason_navigation: 'navigation',
  reason_caption: 'photo caption',
  reason_byline: 'byline',
  reason_source: 'source',
  reason_timestamp: 'time stamp',
  reason_widget: 'page widget',
  reason_footer: 'footer',
  reason_heading: 'section heading',
  reason_teaser: 'teaser of another article',
  reason_advert: 'advertisement',
  reason_title: 'repeated title',
  'tod_sáng': 'morning',
  'tod_trưa': 'noon',
  'tod_chiều': 'afternoon',
  'tod_tối': 'evening',
};

const STRINGS = { vi: VI, en: EN };
const STORAGE_KEY = 'vnextract.lang';

let current = 'vi';

/** The interface language now: 'vi' or 'en'. */
export function lang() {
  return current;
}

/**
 * The string `key` in the current language, with `{name}` filled from
 * `vars`. A key with no string gives `fallback` (default: the key itself),
 * so that new ids from the extractor (an unknown removal reason) still show.
 */
export function t(key, vars = {}, fallback = key) {
  const s = STRINGS[current][key] ?? STRINGS.vi[key] ?? fallback;
  return s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
}

/** The language saved by the last switch, else Vietnamese. */
export function savedLang() {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'vi' ? v : 'vi';
  } catch {
    return 'vi'; // storage can be off (private mode, some file:// set-ups)
  }
}

/** Sets the language, remembers it and updates `<html lang>` and every data-i18n element under `root`. */
export function setLang(next, root = document) {
  current = next === 'en' ? 'en' : 'vi';
  try {
    localStorage.setItem(STORAGE_KEY, current);
  } catch {
    /* not remembered; still switched */
  }
  document.documentElement.lang = current;
  applyI18n(root);
}

/** Fills data-i18n (text) and data-i18n-attr ("attr:key,attr:key") under `root`. */
export function applyI18n(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) node.setAttribute(attr, t(key));
    }
  }
}
