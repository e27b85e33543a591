//! Behaviour of tre-dedup as a user sees it, on Vietnamese texts written for these tests.

mod dedup;
mod props;
mod stories;

/// A visit, as a wire agency would write it (title on the first line).
pub const VISIT: &str = "Thủ tướng hội đàm với Thủ tướng Nhật Bản tại Tokyo
Chiều 12/5, tại Văn phòng Nội các ở thủ đô Tokyo, Thủ tướng Chính phủ đã hội đàm với Thủ tướng Nhật Bản trong khuôn khổ chuyến thăm chính thức kéo dài ba ngày. Hai bên nhất trí đưa quan hệ Đối tác chiến lược toàn diện lên tầm cao mới, tập trung vào hợp tác kinh tế, đầu tư và chuyển đổi số.
Thủ tướng cảm ơn Chính phủ và nhân dân Nhật Bản đã dành cho đoàn sự đón tiếp trọng thị. Người đứng đầu Chính phủ Việt Nam đề nghị phía Nhật Bản tiếp tục cung cấp vốn vay ưu đãi cho các dự án hạ tầng giao thông chiến lược, trong đó có tuyến đường sắt đô thị và các cảng biển nước sâu.
Thủ tướng Nhật Bản khẳng định Việt Nam là đối tác quan trọng hàng đầu của Nhật Bản tại khu vực Đông Nam Á. Ông cho biết các doanh nghiệp Nhật Bản đánh giá cao môi trường đầu tư của Việt Nam và mong muốn mở rộng sản xuất linh kiện bán dẫn tại các khu công nghiệp phía Bắc.
Hai nhà lãnh đạo cũng trao đổi về việc tăng cường giao lưu nhân dân, hợp tác đào tạo nguồn nhân lực chất lượng cao và hỗ trợ cộng đồng người Việt Nam đang sinh sống, học tập và làm việc tại Nhật Bản.
Về các vấn đề quốc tế và khu vực, hai bên nhấn mạnh tầm quan trọng của việc duy trì hòa bình, ổn định, an ninh, an toàn và tự do hàng hải, hàng không ở Biển Đông, giải quyết tranh chấp bằng biện pháp hòa bình trên cơ sở luật pháp quốc tế.
Sau hội đàm, hai Thủ tướng chứng kiến lễ trao đổi mười hai văn kiện hợp tác trong các lĩnh vực năng lượng sạch, y tế, nông nghiệp công nghệ cao và phát triển đô thị thông minh.";

/// Another visit: the same kind of event, different people, place and agenda.
pub const OTHER_VISIT: &str = "Chủ tịch Quốc hội hội kiến Tổng thống Hàn Quốc tại Seoul
Sáng 20/6, tại Phủ Tổng thống ở Seoul, Chủ tịch Quốc hội đã hội kiến Tổng thống Hàn Quốc nhân dịp thăm chính thức Hàn Quốc theo lời mời của Chủ tịch Quốc hội nước chủ nhà. Chủ tịch Quốc hội chuyển lời thăm hỏi của lãnh đạo cấp cao Việt Nam tới Tổng thống.
Tổng thống Hàn Quốc bày tỏ vui mừng trước sự phát triển mạnh mẽ của quan hệ song phương, đặc biệt trong thương mại và văn hóa. Kim ngạch thương mại hai chiều đã vượt mốc tám mươi tỷ đô la, và Hàn Quốc tiếp tục là nhà đầu tư trực tiếp nước ngoài lớn nhất tại Việt Nam.
Chủ tịch Quốc hội đề nghị hai nước sớm hoàn tất các thủ tục để mở rộng chương trình lao động thời vụ, tạo điều kiện cho nông sản Việt Nam như xoài, thanh long và bưởi tiếp cận thị trường Hàn Quốc.
Hai bên đánh giá cao vai trò của các nhóm nghị sĩ hữu nghị trong việc giám sát thực hiện các hiệp định đã ký kết, trong đó có Hiệp định thương mại tự do song phương.
Nhân dịp này, Chủ tịch Quốc hội thăm một nhà máy sản xuất pin điện tại thành phố Cheongju và gặp gỡ sinh viên Việt Nam đang theo học tại các trường đại học ở Seoul.";

/// Unrelated news.
pub const RICE: &str = "Giá lúa tại Đồng bằng sông Cửu Long tăng nhẹ
Trong tuần qua, giá lúa tươi tại nhiều tỉnh Đồng bằng sông Cửu Long như An Giang, Cần Thơ và Kiên Giang tăng thêm từ hai trăm đến ba trăm đồng mỗi ki lô gam. Thương lái cho biết nhu cầu thu mua để xuất khẩu sang Philippines và Indonesia vẫn ở mức cao.
Các doanh nghiệp xuất khẩu gạo dự báo giá sẽ còn giữ ổn định đến hết vụ đông xuân, khi nguồn cung trong khu vực bị ảnh hưởng bởi thời tiết khô hạn.";

/// Sentences of the running text of `doc` (after its title line).
pub fn sentences(doc: &str) -> Vec<String> {
    doc.lines()
        .skip(1)
        .flat_map(|p| p.split(". "))
        .map(|s| s.trim().trim_end_matches('.').to_string() + ".")
        .filter(|s| s.len() > 1)
        .collect()
}

pub fn title(doc: &str) -> &str {
    doc.lines().next().unwrap_or("")
}
