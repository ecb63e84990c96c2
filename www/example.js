// The article the page opens with: a whole pasted news page, written for
// vnextract (the story and every official in it are invented), shaped like
// the real pages people paste: site navigation, a breadcrumb, the headline,
// byline and time stamp, the lead, the headline repeated as image alt text,
// photo captions, the source, then a "related articles" run in which each
// headline appears twice before its teaser, and the site's footer.

/** The example page, as a user would paste it. */
export const EXAMPLE = `Trang chủ
Thời sự
Thế giới
Kinh tế
Đối ngoại
Văn hóa
Video
Đối ngoại › Hoạt động đối ngoại
Phó Thủ tướng, Bộ trưởng Ngoại giao Nguyễn Hữu Phong hội đàm với Ngoại trưởng Phần Lan

Thu Hà
08:45 | 18/03/2025 GMT+7
Sáng 17/3, tại Trụ sở Bộ Ngoại giao ở Hà Nội, Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Nguyễn Hữu Phong đã hội đàm với Bộ trưởng Ngoại giao Phần Lan Aino Lehtonen nhân dịp bà sang thăm chính thức Việt Nam từ ngày 16-18/3.
Theo dõi Tin Đối ngoại trên
Phó Thủ tướng, Bộ trưởng Ngoại giao Nguyễn Hữu Phong hội đàm với Ngoại trưởng Phần Lan
Phó Thủ tướng Chính phủ, Bộ trưởng Ngoại giao Nguyễn Hữu Phong đón Bộ trưởng Ngoại giao Phần Lan Aino Lehtonen tại Trụ sở Bộ Ngoại giao. (Ảnh: Minh Đức)

Tại cuộc hội đàm, Phó Thủ tướng Nguyễn Hữu Phong chào mừng Bộ trưởng Aino Lehtonen lần đầu thăm Việt Nam trên cương vị mới, nhấn mạnh chuyến thăm diễn ra trong năm hai nước kỷ niệm 52 năm thiết lập quan hệ ngoại giao (25/1/1973 - 25/1/2025) và góp phần đưa quan hệ Việt Nam - Phần Lan đi vào chiều sâu, thực chất hơn.

Bộ trưởng Aino Lehtonen cảm ơn Phó Thủ tướng Nguyễn Hữu Phong và Bộ Ngoại giao Việt Nam đã dành cho đoàn sự đón tiếp chu đáo; đánh giá cao vai trò ngày càng lớn của Việt Nam tại khu vực và trong Hiệp hội các quốc gia Đông Nam Á (ASEAN).

Hai bên vui mừng nhận thấy hợp tác kinh tế tiếp tục tăng trưởng. Kim ngạch thương mại song phương năm 2024 đạt 1,2 tỷ USD, tăng 14,5% so với năm 2023; Phần Lan hiện có 46 dự án đầu tư tại Việt Nam. Hai bên nhất trí tạo thuận lợi hơn nữa cho doanh nghiệp hai nước trong các lĩnh vực đổi mới sáng tạo, năng lượng tái tạo, kinh tế tuần hoàn, giáo dục và quản lý rừng bền vững.

Phó Thủ tướng, Bộ trưởng Ngoại giao Nguyễn Hữu Phong cảm ơn Chính phủ Phần Lan đã hỗ trợ Việt Nam thông qua Chương trình Đối tác Đổi mới sáng tạo giai đoạn 2021 - 2025 và đề nghị Phần Lan tiếp tục chia sẻ kinh nghiệm về giáo dục phổ thông và đào tạo nghề.

Phó Thủ tướng, Bộ trưởng Ngoại giao Nguyễn Hữu Phong hội đàm với Ngoại trưởng Phần Lan
Hai Bộ trưởng chứng kiến lễ ký Bản ghi nhớ hợp tác giáo dục giữa hai nước. (Ảnh: Minh Đức)

Ngay sau hội đàm, hai Bộ trưởng đã ký Bản ghi nhớ về hợp tác trong lĩnh vực giáo dục và đào tạo giai đoạn 2025 - 2030.

Hai bên nhất trí sẽ tổ chức Tham vấn chính trị cấp Thứ trưởng Ngoại giao lần thứ 9 tại Helsinki vào nửa cuối năm 2025, đồng thời phối hợp chặt chẽ tại Liên hợp quốc và các diễn đàn đa phương.

Cùng ngày, Thủ tướng Chính phủ Đỗ Quang Vinh đã tiếp Bộ trưởng Ngoại giao Phần Lan Aino Lehtonen. Thủ tướng đề nghị hai nước sớm nâng kim ngạch thương mại lên 2 tỷ USD.

Trong thời gian ở Việt Nam, Bộ trưởng Aino Lehtonen dự kiến thăm và làm việc tại Thành phố Hồ Chí Minh, gặp gỡ cộng đồng doanh nghiệp Phần Lan tại Việt Nam./.

(Tin Đối ngoại)

Bài viết cùng chủ đề
Thứ trưởng Ngoại giao Lâm Thị Hạnh tiếp Đại sứ Na Uy chào từ biệt

Thứ trưởng Ngoại giao Lâm Thị Hạnh tiếp Đại sứ Na Uy chào từ biệt

Chiều 12/3, tại Trụ sở Bộ Ngoại giao, Thứ trưởng Ngoại giao Lâm Thị Hạnh đã tiếp Đại sứ Na Uy đến chào từ biệt nhân dịp kết thúc nhiệm kỳ công tác tại ...
Việt Nam và Thụy Điển thúc đẩy hợp tác khoa học, công nghệ

Việt Nam và Thụy Điển thúc đẩy hợp tác khoa học, công nghệ

Ngày 10/3, tại Stockholm, đoàn công tác của Bộ Khoa học và Công nghệ đã làm việc với Cơ quan Đổi mới sáng tạo Thụy Điển về các chương trình hợp tác ...
Đan Mạch hỗ trợ Việt Nam chuyển đổi năng lượng xanh

Đan Mạch hỗ trợ Việt Nam chuyển đổi năng lượng xanh

Đại sứ Đan Mạch cho biết nước này sẵn sàng chia sẻ kinh nghiệm phát triển điện gió ngoài khơi và lưới điện thông minh với các địa phương của Việt Nam.
Đọc thêm
Giá vàng hôm nay 18/3/2025: vàng miếng tăng nhẹ
Thời tiết ngày 18/3: Bắc Bộ có mưa phùn, trời rét
Tin Đối ngoại - Trang tin điện tử về hoạt động đối ngoại
Liên hệ quảng cáo
Phiên bản di động
`;
