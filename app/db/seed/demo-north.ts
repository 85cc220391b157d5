import type { DemoProducer } from "./demo-types";

/** Demo producers of the northern provinces (after the July 2025 merger), one or more per province. */
export const NORTH_PRODUCERS: DemoProducer[] = [
  {
    key: "n-gom-bat-trang-quang-vinh",
    name: "Công ty TNHH Gốm sứ Bát Tràng Quang Vinh",
    entityType: "enterprise",
    provinceCode: "01",
    wardCode: "00577",
    addressLine: "Số 18 xóm 5, thôn Bát Tràng",
    phone: "0912 345 678",
    story:
      "Gia đình ông Nguyễn Quang Vinh đã theo nghề gốm ở Bát Tràng qua bốn đời, từ lò bầu đốt củi đến lò ga hiện đại. Xưởng giữ cách pha men lam và men rạn truyền thống, mỗi sản phẩm đều được vuốt, tỉa và vẽ tay. Năm 2016, gia đình thành lập công ty để đưa gốm làng nghề đến gần hơn với khách trong và ngoài nước.",
    products: [
      {
        key: "n-gom-bat-trang-bo-am-chen-men-lam",
        name: "Bộ ấm chén men lam vẽ tay Bát Tràng",
        group: "handicraft",
        unit: "bộ",
        priceVnd: 1250000,
        stock: 45,
        weightGrams: 1800,
        description:
          "Bộ ấm chén gồm một ấm, sáu chén và khay, vẽ tay hoạ tiết sen và trúc bằng men lam trên nền men trắng ngà. Sản phẩm được nung ở 1.280 độ C nên xương gốm chắc, không ngấm nước và giữ nhiệt tốt. Đây là món quà biếu mang đậm hồn làng gốm Bát Tràng.",
      },
      {
        key: "n-gom-bat-trang-binh-hut-loc-men-ran",
        name: "Bình hút lộc men rạn đắp nổi Bát Tràng",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 850000,
        stock: 30,
        weightGrams: 2500,
        description:
          "Bình hút lộc dáng tròn, men rạn cổ màu nâu vàng, đắp nổi hình rồng mây bằng tay. Vết rạn được tạo tự nhiên trong lò nên mỗi chiếc có vân men riêng. Thích hợp đặt trên bàn thờ, kệ tủ hoặc làm quà tân gia.",
      },
    ],
    certificates: [
      { number: "DEMO-215/QĐ-BNNMT", stars: 5, score: 94, monthsAgo: 14, products: ["n-gom-bat-trang-bo-am-chen-men-lam"] },
      { number: "DEMO-3127/QĐ-UBND", stars: 4, score: 82, monthsAgo: 8, products: ["n-gom-bat-trang-binh-hut-loc-men-ran"] },
    ],
  },
  {
    key: "n-dao-canh-nhat-tan-le-hung",
    name: "Hộ kinh doanh Đào cảnh Nhật Tân Lê Văn Hùng",
    entityType: "household",
    provinceCode: "01",
    wardCode: "00103",
    addressLine: "Số 25 ngõ 264 đường Âu Cơ",
    phone: "0983 217 456",
    story:
      "Vườn đào của gia đình anh Lê Văn Hùng nằm ven đê sông Hồng, nơi người làng Nhật Tân trồng đào đã hàng trăm năm. Anh tự tay uốn thế, hãm nụ để đào nở đúng dịp Tết và kết hợp trồng quất cảnh theo kinh nghiệm của làng Tứ Liên bên cạnh. Mỗi cây đều được chăm từ một đến ba năm trước khi đến nhà khách.",
    verification: "pending",
    products: [
      {
        key: "n-dao-canh-nhat-tan-dao-the",
        name: "Đào thế Nhật Tân trồng chậu",
        group: "ornamental",
        unit: "chậu",
        priceVnd: 2500000,
        stock: 25,
        weightGrams: 25000,
        description:
          "Cây đào bích Nhật Tân được uốn thế trực hoặc thế hoành, gốc xù xì, cành nhiều nụ, trồng trong chậu sành. Hoa cánh kép màu đỏ thắm, được hãm để nở rộ vào dịp Tết Nguyên đán. Giá đã gồm chậu và hướng dẫn chăm sóc để đào giữ hoa lâu.",
      },
      {
        key: "n-dao-canh-nhat-tan-quat-canh",
        name: "Quất cảnh Tứ Liên dáng bonsai",
        group: "ornamental",
        unit: "chậu",
        priceVnd: 1200000,
        stock: 40,
        weightGrams: 15000,
        description:
          "Quất cảnh quả tròn mọng, xanh vàng xen kẽ, lá dày bóng, được tạo dáng bonsai gọn gàng hợp với phòng khách. Cây trồng trong chậu gốm, cao khoảng 80 cm, có thể giữ quả đến hết tháng Giêng. Quất tượng trưng cho sự sung túc và may mắn đầu năm.",
      },
    ],
    certificates: [
      {
        number: "DEMO-4418/QĐ-UBND",
        stars: 4,
        score: 76,
        monthsAgo: 20,
        products: ["n-dao-canh-nhat-tan-dao-the", "n-dao-canh-nhat-tan-quat-canh"],
      },
    ],
  },
  {
    key: "n-hat-de-trung-khanh-dinh-phong",
    name: "Hợp tác xã Nông nghiệp Hạt dẻ Trùng Khánh Đình Phong",
    entityType: "cooperative",
    provinceCode: "04",
    wardCode: "01477",
    addressLine: "Xóm Bản Khâm",
    phone: "0868 452 193",
    story:
      "Hợp tác xã được lập năm 2018 bởi 27 hộ người Tày có vườn dẻ lâu năm trên đất đá vôi Trùng Khánh. Hạt dẻ ở đây nhỏ, vỏ mỏng, nhân vàng và bùi thơm đặc trưng mà nơi khác khó có được. Các thành viên cùng nhau thu hái, phân loại và rang dẻ bằng chảo gang theo cách truyền thống.",
    products: [
      {
        key: "n-hat-de-trung-khanh-tuoi",
        name: "Hạt dẻ Trùng Khánh tươi",
        group: "food",
        unit: "kg",
        priceVnd: 140000,
        stock: 320,
        weightGrams: 1000,
        description:
          "Hạt dẻ Trùng Khánh là đặc sản nổi tiếng của Cao Bằng, thu hoạch từ tháng 8 đến tháng 10 hằng năm. Hạt được tuyển chọn đều, không sâu, đóng túi lưới 1 kg. Có thể luộc, rang cát hoặc hầm gà đều ngon.",
      },
      {
        key: "n-hat-de-trung-khanh-rang",
        name: "Hạt dẻ Trùng Khánh rang sẵn",
        group: "food",
        unit: "túi",
        priceVnd: 95000,
        stock: 180,
        weightGrams: 500,
        description:
          "Hạt dẻ được rang bằng chảo gang với cát sạch, khía sẵn vỏ nên rất dễ bóc. Nhân dẻ vàng, dẻo và bùi, không dùng chất bảo quản. Túi zip 500 g tiện mang theo, nên dùng trong 10 ngày.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1562/QĐ-UBND",
        stars: 4,
        score: 78,
        monthsAgo: 11,
        products: ["n-hat-de-trung-khanh-tuoi", "n-hat-de-trung-khanh-rang"],
      },
    ],
  },
  {
    key: "n-mat-ong-bac-ha-meo-vac",
    name: "Hộ kinh doanh Mật ong Bạc hà Mèo Vạc Vàng Thị Mỷ",
    entityType: "household",
    provinceCode: "08",
    wardCode: "00769",
    addressLine: "Thôn Chúng Pả A",
    phone: "0349 218 775",
    story:
      "Chị Vàng Thị Mỷ, người Mông ở Mèo Vạc, nuôi ong nội trên cao nguyên đá từ năm 2010 với hơn 120 đàn. Mỗi mùa đông, khi hoa bạc hà dại nở tím các sườn núi, ong cho loại mật thơm mát chỉ có ở vùng này. Gia đình chị không cho ong ăn đường và chỉ quay mật khi mật đã chín trong cầu.",
    products: [
      {
        key: "n-mat-ong-bac-ha-meo-vac-chai",
        name: "Mật ong bạc hà Mèo Vạc",
        group: "food",
        unit: "chai",
        priceVnd: 450000,
        stock: 150,
        weightGrams: 700,
        description:
          "Mật ong bạc hà là đặc sản của cao nguyên đá Đồng Văn, thu từ hoa bạc hà dại nở vào tháng 10 đến tháng 12. Mật màu vàng óng, vị ngọt thanh và có hương the nhẹ dễ nhận ra. Chai thuỷ tinh 500 ml, dùng pha nước ấm, chấm bánh hoặc ngâm chanh đều hợp.",
      },
      {
        key: "n-mat-ong-bac-ha-meo-vac-hu",
        name: "Mật ong bạc hà Mèo Vạc hũ 1 kg",
        group: "food",
        unit: "hũ",
        priceVnd: 750000,
        stock: 60,
        weightGrams: 1300,
        description:
          "Hũ thuỷ tinh 1 kg dành cho gia đình dùng thường xuyên, cùng nguồn mật bạc hà vụ đông như loại chai. Mật có thể kết tinh tự nhiên khi trời lạnh, đó là dấu hiệu của mật thật và không ảnh hưởng đến chất lượng. Bảo quản nơi khô ráo, tránh ánh nắng trực tiếp.",
      },
      {
        key: "n-mat-ong-bac-ha-meo-vac-ruou-ngo",
        name: "Rượu ngô men lá Mèo Vạc",
        group: "beverage",
        unit: "chai",
        priceVnd: 120000,
        stock: 90,
        weightGrams: 900,
        description:
          "Rượu được nấu từ ngô tẻ bản địa ủ với men lá rừng theo cách của người Mông. Rượu trong, thơm mùi ngô, êm và không gây đau đầu. Chai 500 ml, nồng độ 40 độ, chỉ bán cho người đủ 18 tuổi.",
      },
    ],
    certificates: [
      {
        number: "DEMO-2093/QĐ-UBND",
        stars: 4,
        score: 84,
        monthsAgo: 6,
        products: ["n-mat-ong-bac-ha-meo-vac-chai", "n-mat-ong-bac-ha-meo-vac-hu"],
      },
    ],
  },
  {
    key: "n-gao-seng-cu-thanh-yen",
    name: "Hợp tác xã Nông nghiệp Gạo Séng Cù Thanh Yên",
    entityType: "cooperative",
    provinceCode: "11",
    wardCode: "03349",
    addressLine: "Bản Noong Ứng",
    phone: "0976 384 512",
    story:
      "Hợp tác xã có 85 hộ thành viên canh tác lúa trên cánh đồng Mường Thanh, vựa lúa lớn nhất vùng Tây Bắc. Nhờ nguồn nước từ sông Nậm Rốm và biên độ nhiệt ngày đêm lớn, hạt gạo Séng Cù ở đây dẻo, đậm và thơm. Lúa được gặt, phơi và xay xát ngay tại bản để giữ trọn hương vị.",
    products: [
      {
        key: "n-gao-seng-cu-dien-bien",
        name: "Gạo Séng Cù Điện Biên",
        group: "food",
        unit: "túi",
        priceVnd: 135000,
        stock: 420,
        weightGrams: 5000,
        description:
          "Gạo Séng Cù là đặc sản của lòng chảo Điện Biên, hạt thon dài, hơi đục và căng mẩy. Cơm nấu dẻo, có vị ngọt đậm và vẫn mềm khi để nguội. Túi hút chân không 5 kg, gạo vụ mới xay trong tháng.",
      },
      {
        key: "n-gao-tam-thom-dien-bien",
        name: "Gạo tám thơm Điện Biên",
        group: "food",
        unit: "túi",
        priceVnd: 125000,
        stock: 350,
        weightGrams: 5000,
        description:
          "Gạo tám thơm trồng trên cánh đồng Mường Thanh, hạt nhỏ, trong và dài. Khi nấu cơm tỏa mùi thơm nhẹ, hạt cơm dẻo vừa và tơi. Túi 5 kg phù hợp cho bữa cơm gia đình hằng ngày.",
      },
    ],
    certificates: [
      { number: "DEMO-0875/QĐ-UBND", stars: 4, score: 80, monthsAgo: 18, products: ["n-gao-seng-cu-dien-bien"] },
      { number: "DEMO-0876/QĐ-UBND", stars: 3, score: 66, monthsAgo: 18, products: ["n-gao-tam-thom-dien-bien"] },
    ],
  },
  {
    key: "n-che-tam-duong-binh-lu",
    name: "Hợp tác xã Chè Tam Đường Bình Lư",
    entityType: "cooperative",
    provinceCode: "12",
    wardCode: "03390",
    addressLine: "Bản Nà Đon",
    phone: "0915 672 308",
    story:
      "Vùng chè Tam Đường nằm dưới chân dãy Hoàng Liên Sơn, quanh năm mây mù và mát mẻ. Hợp tác xã liên kết hơn 60 hộ người Giáy và người Dao trồng chè theo hướng hữu cơ, hái thủ công một tôm hai lá. Xưởng chế biến được đầu tư dây chuyền làm chè Ô long và chè xanh sao sấy.",
    products: [
      {
        key: "n-che-tam-duong-o-long",
        name: "Chè Ô long Tam Đường",
        group: "beverage",
        unit: "hộp",
        priceVnd: 280000,
        stock: 140,
        weightGrams: 250,
        description:
          "Chè Ô long được làm từ giống chè Kim Tuyên trồng ở độ cao trên 900 m, vo viên chặt và lên men nhẹ. Nước trà màu vàng mật ong, hương hoa lan và vị ngọt hậu kéo dài. Hộp thiếc 200 g, pha được nhiều lần nước.",
      },
      {
        key: "n-che-tam-duong-che-xanh",
        name: "Chè xanh Tam Đường sao sấy",
        group: "beverage",
        unit: "gói",
        priceVnd: 150000,
        stock: 210,
        weightGrams: 200,
        description:
          "Búp chè tươi được hái buổi sáng, diệt men và sao khô bằng chảo quay trong ngày. Cánh chè xoăn đều, nước xanh vàng, vị chát dịu và thơm cốm. Gói 200 g hút chân không, dùng pha ấm mỗi ngày.",
      },
    ],
    certificates: [
      { number: "DEMO-1148/QĐ-UBND", stars: 4, score: 77, monthsAgo: 9, products: ["n-che-tam-duong-o-long"] },
      { number: "DEMO-0692/QĐ-UBND", stars: 3, score: 62, monthsAgo: 25, products: ["n-che-tam-duong-che-xanh"] },
    ],
  },
  {
    key: "n-man-hau-moc-chau-na-ka",
    name: "Hợp tác xã Nông nghiệp Mận hậu Nà Ka Mộc Châu",
    entityType: "cooperative",
    provinceCode: "14",
    wardCode: "03979",
    addressLine: "Tiểu khu Nà Ka",
    phone: "0389 541 027",
    story:
      "Tiểu khu Nà Ka được mệnh danh là thủ phủ mận của cao nguyên Mộc Châu, nơi mùa xuân trắng xoá hoa mận. Hợp tác xã có 40 hộ thành viên với hơn 70 ha mận hậu và đồi chè được chăm sóc theo tiêu chuẩn VietGAP. Ngoài bán quả tươi, hợp tác xã còn chế biến chè để có thu nhập quanh năm.",
    products: [
      {
        key: "n-man-hau-moc-chau-tuoi",
        name: "Mận hậu Mộc Châu",
        group: "food",
        unit: "kg",
        priceVnd: 55000,
        stock: 0,
        weightGrams: 1000,
        description:
          "Mận hậu là đặc sản của cao nguyên Mộc Châu, quả to, vỏ xanh phủ phấn trắng, ruột đỏ khi chín. Vị giòn, ngọt đậm và chua nhẹ ở phần vỏ. Mận chỉ có từ tháng 5 đến tháng 7, ngoài mùa vụ sản phẩm tạm hết hàng.",
      },
      {
        key: "n-man-hau-moc-chau-che-o-long",
        name: "Chè Ô long Mộc Châu",
        group: "beverage",
        unit: "hộp",
        priceVnd: 220000,
        stock: 160,
        weightGrams: 250,
        description:
          "Chè Ô long được trồng trên đồi chè của hợp tác xã ở độ cao hơn 1.000 m. Viên chè tròn, xanh đậm, khi pha cho nước vàng sáng, hương thơm thanh và vị ngọt hậu. Hộp 200 g thích hợp làm quà biếu khi du lịch Mộc Châu.",
      },
    ],
    certificates: [
      { number: "DEMO-2746/QĐ-UBND", stars: 4, score: 81, monthsAgo: 4, products: ["n-man-hau-moc-chau-tuoi"] },
      { number: "DEMO-1930/QĐ-UBND", stars: 3, score: 64, monthsAgo: 13, products: ["n-man-hau-moc-chau-che-o-long"] },
    ],
  },
  {
    key: "n-que-van-yen-mau-a",
    name: "Hợp tác xã Quế hồi Văn Yên",
    entityType: "cooperative",
    provinceCode: "15",
    wardCode: "04375",
    addressLine: "Thôn Cầu Khai",
    phone: "0977 105 864",
    story:
      "Văn Yên là vùng quế lớn nhất cả nước, nơi người Dao và người Kinh trồng quế trên đồi từ nhiều thế hệ. Hợp tác xã thu mua vỏ, lá quế của các hộ thành viên để chưng cất tinh dầu và sơ chế quế thanh xuất khẩu. Mỗi sản phẩm đều ghi rõ vùng trồng để khách truy xuất nguồn gốc.",
    products: [
      {
        key: "n-que-van-yen-tinh-dau",
        name: "Tinh dầu quế Văn Yên",
        group: "herbal",
        unit: "lọ",
        priceVnd: 85000,
        stock: 260,
        weightGrams: 60,
        description:
          "Tinh dầu được chưng cất hơi nước từ lá và cành quế non của vùng quế Văn Yên, không pha tạp chất. Hương quế ấm, giúp xua côn trùng, khử mùi và thư giãn khi xông phòng. Lọ thuỷ tinh 10 ml có nắp nhỏ giọt, không dùng để uống.",
      },
      {
        key: "n-que-van-yen-que-thanh",
        name: "Quế thanh Văn Yên",
        group: "food",
        unit: "gói",
        priceVnd: 95000,
        stock: 190,
        weightGrams: 500,
        description:
          "Quế thanh là đặc sản của Văn Yên, được cắt từ vỏ quế trên 10 năm tuổi, cạo sạch vỏ ngoài và phơi khô tự nhiên. Thanh quế dày, cay ngọt và thơm đậm, dùng nấu phở, kho thịt hoặc pha trà quế. Gói 500 g đóng túi zip.",
      },
      {
        key: "n-que-van-yen-tui-chuom",
        name: "Túi chườm thảo dược vỏ quế",
        group: "herbal",
        unit: "chiếc",
        priceVnd: 165000,
        stock: 70,
        weightGrams: 800,
        status: "draft",
        description:
          "Túi vải bố chứa vỏ quế, muối hột, sả và gừng khô, hâm nóng bằng lò vi sóng để chườm vai gáy, lưng và bụng. Hơi ấm cùng mùi thảo dược giúp thư giãn, giảm mỏi cơ. Túi dùng lại được nhiều lần, thay ruột sau khoảng ba tháng.",
      },
    ],
    certificates: [
      {
        number: "DEMO-3381/QĐ-UBND",
        stars: 4,
        score: 79,
        monthsAgo: 16,
        products: ["n-que-van-yen-tinh-dau", "n-que-van-yen-que-thanh"],
      },
    ],
  },
  {
    key: "n-che-tan-cuong-hoang-binh",
    name: "Hợp tác xã Chè Tân Cương Hoàng Bình",
    entityType: "cooperative",
    provinceCode: "19",
    wardCode: "05503",
    addressLine: "Xóm Hoàng Bình",
    phone: "0913 286 447",
    story:
      "Hoàng Bình là một trong những xóm trồng chè lâu đời nhất của vùng chè Tân Cương, bên hồ Núi Cốc. Hợp tác xã gồm 30 hộ làm chè theo tiêu chuẩn VietGAP, hái tay và sao chè bằng tôn quay trên bếp củi. Bí quyết sao hai lửa được các nghệ nhân truyền lại cho thế hệ trẻ trong xóm.",
    products: [
      {
        key: "n-che-tan-cuong-dac-biet",
        name: "Chè Tân Cương đặc biệt",
        group: "beverage",
        unit: "gói",
        priceVnd: 250000,
        stock: 300,
        weightGrams: 200,
        description:
          "Chè Tân Cương là đặc sản trứ danh của Thái Nguyên, làm từ búp một tôm hai lá non hái vào sáng sớm. Cánh chè nhỏ, xoăn như móc câu, nước xanh trong, vị chát dịu rồi ngọt hậu sâu. Gói 200 g hút chân không, nên bảo quản trong hộp kín.",
      },
      {
        key: "n-che-tan-cuong-non-tom",
        name: "Chè nõn tôm Tân Cương",
        group: "beverage",
        unit: "hộp",
        priceVnd: 450000,
        stock: 80,
        weightGrams: 300,
        description:
          "Chè nõn tôm chỉ dùng phần tôm chè chưa mở lá, cần khoảng 7 kg búp tươi mới được 1 kg chè khô. Nước chè vàng sánh, hương cốm non và vị ngọt thanh. Hộp giấy cao cấp 200 g, thích hợp để biếu tặng dịp lễ Tết.",
      },
    ],
    certificates: [
      { number: "DEMO-147/QĐ-BNNMT", stars: 5, score: 96, monthsAgo: 10, products: ["n-che-tan-cuong-dac-biet"] },
      { number: "DEMO-0524/QĐ-UBND", stars: 4, score: 86, monthsAgo: 27, products: ["n-che-tan-cuong-non-tom"] },
    ],
  },
  {
    key: "n-thach-den-trang-dinh",
    name: "Hợp tác xã Thạch đen Tràng Định",
    entityType: "cooperative",
    provinceCode: "20",
    wardCode: "06040",
    addressLine: "Khu 5",
    phone: "0944 738 160",
    story:
      "Cây thạch đen được người Tày, người Nùng ở Tràng Định trồng trên nương từ lâu đời, thu hoạch vào cuối thu. Hợp tác xã liên kết với hơn 200 hộ để thu mua, phơi ủ và chế biến thạch đen, đồng thời chưng cất tinh dầu từ hoa hồi của các vườn hồi trong vùng. Nhờ đó cây thạch, cây hồi trở thành nguồn thu ổn định cho bà con.",
    products: [
      {
        key: "n-thach-den-trang-dinh-kho",
        name: "Thạch đen khô Tràng Định",
        group: "food",
        unit: "gói",
        priceVnd: 75000,
        stock: 400,
        weightGrams: 500,
        description:
          "Thạch đen Tràng Định là đặc sản của Lạng Sơn, gồm thân và lá cây thạch đã phơi ủ cho lên màu nâu đen. Khi nấu với nước và bột năng sẽ cho thạch dai, thơm mùi lá, ăn mát và giải nhiệt. Gói 500 g nấu được khoảng 20 lít thạch.",
      },
      {
        key: "n-thach-den-trang-dinh-tinh-dau-hoi",
        name: "Tinh dầu hồi Lạng Sơn",
        group: "herbal",
        unit: "lọ",
        priceVnd: 120000,
        stock: 150,
        weightGrams: 80,
        description:
          "Tinh dầu được chưng cất từ quả hồi chín của vùng hồi Lạng Sơn, hương thơm ngọt ấm đặc trưng. Dùng để xông phòng, pha dầu xoa bóp giúp giữ ấm cơ thể khi trời lạnh. Lọ thuỷ tinh 20 ml, để xa tầm tay trẻ em.",
      },
    ],
    certificates: [
      { number: "DEMO-1785/QĐ-UBND", stars: 3, score: 68, monthsAgo: 22, products: ["n-thach-den-trang-dinh-kho"] },
      { number: "DEMO-2911/QĐ-UBND", stars: 4, score: 73, monthsAgo: 3, products: ["n-thach-den-trang-dinh-tinh-dau-hoi"] },
    ],
  },
  {
    key: "n-nuoc-mam-cai-rong",
    name: "Công ty Cổ phần Nước mắm Cái Rồng Vân Đồn",
    entityType: "enterprise",
    provinceCode: "22",
    wardCode: "06994",
    addressLine: "Số 36 đường Cái Rồng",
    phone: "0904 513 826",
    story:
      "Nghề làm nước mắm ở Cái Rồng gắn với những chuyến thuyền đánh cá cơm trên vịnh Bái Tử Long. Công ty tiếp nối cơ sở gia đình hơn 40 năm, vẫn ủ chượp cá cơm với muối biển trong thùng gỗ từ 12 đến 18 tháng. Bên cạnh nước mắm, công ty còn chế biến sá sùng và chả mực từ nguồn hải sản của ngư dân Vân Đồn.",
    products: [
      {
        key: "n-nuoc-mam-cai-rong-ca-com",
        name: "Nước mắm Cái Rồng cá cơm 40 độ đạm",
        group: "food",
        unit: "chai",
        priceVnd: 165000,
        stock: 480,
        weightGrams: 750,
        description:
          "Nước mắm nhĩ được rút từ chượp cá cơm ủ muối biển trong thùng gỗ, không chất bảo quản và không chất điều vị. Nước mắm màu cánh gián, thơm dịu, vị mặn đằm rồi ngọt hậu. Chai thuỷ tinh 500 ml, độ đạm 40 gN/l.",
      },
      {
        key: "n-nuoc-mam-cai-rong-sa-sung",
        name: "Sá sùng khô Vân Đồn",
        group: "food",
        unit: "hộp",
        priceVnd: 550000,
        stock: 35,
        weightGrams: 150,
        description:
          "Sá sùng là đặc sản quý của vùng bãi triều Vân Đồn, được ngư dân đào bắt bằng tay, làm sạch và phơi khô. Sá sùng nướng giòn dùng để nấu nước dùng phở, xào hoặc nhắm rượu đều rất ngọt. Hộp 100 g, bảo quản nơi khô ráo.",
      },
      {
        key: "n-nuoc-mam-cai-rong-cha-muc",
        name: "Chả mực giã tay Vân Đồn",
        group: "food",
        unit: "kg",
        priceVnd: 380000,
        stock: 55,
        weightGrams: 1000,
        description:
          "Chả mực được giã tay từ mực ống tươi đánh bắt trong ngày, chỉ thêm chút mỡ, hạt tiêu và nước mắm. Miếng chả giòn dai, thơm và ngọt vị mực tự nhiên. Đóng túi hút chân không, giao hàng kèm đá lạnh.",
      },
    ],
    certificates: [
      { number: "DEMO-98/QĐ-BNNMT", stars: 5, score: 91, monthsAgo: 7, products: ["n-nuoc-mam-cai-rong-ca-com"] },
      { number: "DEMO-2264/QĐ-UBND", stars: 4, score: 83, monthsAgo: 19, products: ["n-nuoc-mam-cai-rong-sa-sung"] },
    ],
  },
  {
    key: "n-vai-thieu-luc-ngan",
    name: "Hợp tác xã Vải thiều Lục Ngạn Phượng Sơn",
    entityType: "cooperative",
    provinceCode: "24",
    wardCode: "07582",
    addressLine: "Thôn Bãi Chợ",
    phone: "0962 417 035",
    story:
      "Hợp tác xã có 52 hộ thành viên với hơn 90 ha vải thiều được cấp mã số vùng trồng để xuất khẩu. Vải được trồng theo quy trình VietGAP, hái vào sáng sớm và đóng thùng ngay trong ngày. Ngoài mùa vụ, hợp tác xã sấy vải bằng lò than hoa để có sản phẩm bán quanh năm.",
    products: [
      {
        key: "n-vai-thieu-luc-ngan-tuoi",
        name: "Vải thiều Lục Ngạn",
        group: "food",
        unit: "kg",
        priceVnd: 55000,
        stock: 0,
        weightGrams: 1000,
        description:
          "Vải thiều Lục Ngạn là đặc sản nổi tiếng của vùng Kinh Bắc, quả tròn đều, vỏ đỏ tươi, hạt nhỏ. Cùi vải dày, trắng trong, ngọt đậm và thơm. Vải chín rộ từ cuối tháng 5 đến tháng 7, ngoài mùa vụ sản phẩm tạm hết hàng.",
      },
      {
        key: "n-vai-thieu-luc-ngan-say",
        name: "Vải thiều sấy khô Lục Ngạn",
        group: "food",
        unit: "túi",
        priceVnd: 180000,
        stock: 240,
        weightGrams: 1000,
        description:
          "Vải thiều chín được sấy nguyên quả trên lò than hoa trong ba ngày ba đêm. Cùi vải dẻo, màu nâu cánh gián, vị ngọt đậm và thơm khói nhẹ. Túi 1 kg, dùng ăn trực tiếp hoặc nấu chè long nhãn vải.",
      },
    ],
    certificates: [
      {
        number: "DEMO-3652/QĐ-UBND",
        stars: 4,
        score: 87,
        monthsAgo: 12,
        products: ["n-vai-thieu-luc-ngan-tuoi", "n-vai-thieu-luc-ngan-say"],
      },
    ],
  },
  {
    key: "n-du-lich-ban-lac-mai-chau",
    name: "Hợp tác xã Du lịch cộng đồng bản Lác",
    entityType: "cooperative",
    provinceCode: "25",
    wardCode: "05200",
    addressLine: "Bản Lác",
    phone: "0358 926 714",
    story:
      "Bản Lác của người Thái trắng nằm giữa thung lũng Mai Châu, nổi tiếng với những ngôi nhà sàn và khung cửi dệt thổ cẩm. Hợp tác xã gồm 18 hộ làm homestay, cùng nhau giữ gìn nhà sàn, món ăn và điệu xoè truyền thống. Khách đến được ngủ nhà sàn, đạp xe quanh cánh đồng và học dệt vải cùng các mế trong bản.",
    products: [
      {
        key: "n-ban-lac-homestay",
        name: "Trải nghiệm homestay bản Lác",
        group: "tourism",
        unit: "đêm",
        priceVnd: 250000,
        stock: 60,
        weightGrams: 0,
        description:
          "Một đêm nghỉ trên nhà sàn người Thái, gồm chăn đệm sạch sẽ, bữa tối với cơm lam, cá suối nướng và rượu cần. Buổi tối khách được xem biểu diễn văn nghệ và múa xoè cùng đội văn nghệ bản. Giá tính cho một người, trẻ dưới 6 tuổi miễn phí.",
      },
      {
        key: "n-ban-lac-tour-det-tho-cam",
        name: "Tour đạp xe và học dệt thổ cẩm bản Lác",
        group: "tourism",
        unit: "vé",
        priceVnd: 150000,
        stock: 100,
        weightGrams: 0,
        description:
          "Nửa ngày đạp xe qua cánh đồng lúa và các bản Pom Coọng, Văn, Nhót cùng hướng dẫn viên người địa phương. Sau đó khách được các mế hướng dẫn se sợi, dệt một dải thổ cẩm nhỏ mang về làm kỷ niệm. Vé đã gồm xe đạp, nước uống và nguyên liệu dệt.",
      },
      {
        key: "n-ban-lac-khan-tho-cam",
        name: "Khăn thổ cẩm dệt tay Mai Châu",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 180000,
        stock: 85,
        weightGrams: 200,
        description:
          "Khăn được dệt trên khung cửi gỗ bởi phụ nữ Thái bản Lác, hoa văn hình quả trám và hoa đào rừng. Sợi bông nhuộm màu tự nhiên từ lá chàm và vỏ cây nên mềm, bền màu. Khăn dài 1,6 m, dùng quàng cổ hoặc trang trí đều đẹp.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1407/QĐ-UBND",
        stars: 4,
        score: 72,
        monthsAgo: 5,
        products: ["n-ban-lac-homestay", "n-ban-lac-tour-det-tho-cam"],
      },
    ],
  },
  {
    key: "n-banh-gai-ninh-giang",
    name: "Hộ kinh doanh Bánh gai Ninh Giang Cô Hằng",
    entityType: "household",
    provinceCode: "31",
    wardCode: "11203",
    addressLine: "Số 58 đường Trần Hưng Đạo",
    phone: "0936 158 290",
    story:
      "Gia đình cô Phạm Thị Hằng làm bánh gai ở Ninh Giang đã ba đời, mỗi ngày vẫn gói tay vài trăm chiếc. Lá gai được phơi khô, giã nhuyễn với gạo nếp cái hoa vàng, nhân đỗ xanh, dừa, mỡ và vừng rang. Bánh được hấp bằng nồi lớn trên bếp củi và đóng hộp ngay trong ngày.",
    products: [
      {
        key: "n-banh-gai-ninh-giang-truyen-thong",
        name: "Bánh gai Ninh Giang",
        group: "food",
        unit: "hộp",
        priceVnd: 80000,
        stock: 200,
        weightGrams: 1200,
        description:
          "Bánh gai Ninh Giang là đặc sản của đất Hải Dương xưa, vỏ bánh đen bóng, dẻo mịn, thơm mùi lá gai và nếp. Nhân đỗ xanh bùi quyện mỡ phần, dừa sợi và vừng rang. Hộp 10 chiếc, dùng ngon nhất trong 5 ngày ở nhiệt độ thường.",
      },
      {
        key: "n-banh-gai-ninh-giang-chay",
        name: "Bánh gai Ninh Giang nhân đỗ xanh chay",
        group: "food",
        unit: "hộp",
        priceVnd: 50000,
        stock: 120,
        weightGrams: 600,
        description:
          "Phiên bản bánh gai không dùng mỡ, nhân đỗ xanh đánh nhuyễn với dừa và đường phèn, phù hợp người ăn chay. Vỏ bánh vẫn giữ độ dẻo và mùi lá gai đặc trưng. Hộp 5 chiếc, tiện làm quà biếu khi đi lễ chùa.",
      },
    ],
    certificates: [
      {
        number: "DEMO-2588/QĐ-UBND",
        stars: 4,
        score: 75,
        monthsAgo: 2,
        products: ["n-banh-gai-ninh-giang-truyen-thong", "n-banh-gai-ninh-giang-chay"],
      },
    ],
  },
  {
    key: "n-tuong-ban-yen-nhan",
    name: "Tổ hợp tác Tương Bần Yên Nhân",
    entityType: "cooperative_group",
    provinceCode: "33",
    wardCode: "12103",
    addressLine: "Số 87 phố Bần",
    phone: "0328 604 751",
    story:
      "Tổ hợp tác gồm 12 gia đình làm tương lâu năm ở phố Bần, nơi nghề làm tương có từ hàng trăm năm trước. Tương được làm từ gạo nếp, đậu tương rang và nước mưa, phơi trong chum sành ngoài nắng suốt nhiều tháng. Các gia đình cùng giữ một công thức và cùng kiểm tra chất lượng từng mẻ tương.",
    products: [
      {
        key: "n-tuong-ban-chai",
        name: "Tương Bần Yên Nhân",
        group: "food",
        unit: "chai",
        priceVnd: 45000,
        stock: 350,
        weightGrams: 1300,
        description:
          "Tương Bần là đặc sản của đất Hưng Yên, màu vàng sánh, vị ngọt bùi của nếp và đậm đà của đậu tương. Tương dùng chấm rau muống luộc, bánh đúc hay kho cá, kho thịt đều ngon. Chai nhựa 1 lít, lắc đều trước khi dùng.",
      },
      {
        key: "n-tuong-ban-nep-cai-hoa-vang",
        name: "Tương Bần nếp cái hoa vàng hũ sành",
        group: "food",
        unit: "hũ",
        priceVnd: 110000,
        stock: 75,
        weightGrams: 2500,
        description:
          "Tương được ủ từ gạo nếp cái hoa vàng và phơi trong chum sành lâu hơn loại thường, nên nước tương sánh và thơm hơn. Hũ sành 1,5 lít giữ được hương vị lâu, thích hợp làm quà biếu. Sau khi mở nắp nên đậy kín và để nơi thoáng mát.",
      },
    ],
    certificates: [
      { number: "DEMO-1673/QĐ-UBND", stars: 3, score: 67, monthsAgo: 17, products: ["n-tuong-ban-chai"] },
      { number: "DEMO-0438/QĐ-UBND", stars: 3, score: 55, monthsAgo: 41, products: ["n-tuong-ban-nep-cai-hoa-vang"] },
    ],
  },
  {
    key: "n-coi-kim-son",
    name: "Hợp tác xã Thủ công mỹ nghệ Cói Kim Sơn",
    entityType: "cooperative",
    provinceCode: "37",
    wardCode: "14638",
    addressLine: "Thôn Chất Thành",
    phone: "0395 273 618",
    story:
      "Kim Sơn là vùng đất lấn biển, nơi cây cói mọc tốt trên bãi bồi và nghề dệt chiếu đã có từ thời Doanh điền sứ Nguyễn Công Trứ. Hợp tác xã tạo việc làm cho hơn 150 lao động nữ, chủ yếu làm tại nhà vào lúc nông nhàn. Cói được phơi, nhuộm và dệt đan hoàn toàn bằng tay.",
    products: [
      {
        key: "n-coi-kim-son-chieu",
        name: "Chiếu cói dệt tay Kim Sơn",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 350000,
        stock: 110,
        weightGrams: 2200,
        description:
          "Chiếu được dệt từ sợi cói chẻ nhỏ, se đều trên khung dệt thủ công, viền mép bằng vải chắc chắn. Mặt chiếu mát, êm và thơm mùi cói tự nhiên, rất hợp với ngày hè. Khổ 1,6 x 2 m, có thể giặt và phơi nắng để dùng lâu.",
      },
      {
        key: "n-coi-kim-son-hop-dung-do",
        name: "Bộ hộp cói đựng đồ Kim Sơn",
        group: "handicraft",
        unit: "bộ",
        priceVnd: 240000,
        stock: 95,
        weightGrams: 1100,
        description:
          "Bộ ba hộp cói lồng nhau có nắp, đan tay từ cói tự nhiên xen sợi cói nhuộm màu. Hộp nhẹ, bền, dùng đựng quần áo, đồ chơi hay đồ trang điểm đều gọn gàng. Sản phẩm thân thiện với môi trường, thay thế hộp nhựa trong gia đình.",
      },
    ],
    certificates: [
      { number: "DEMO-3019/QĐ-UBND", stars: 4, score: 85, monthsAgo: 15, products: ["n-coi-kim-son-chieu"] },
      { number: "DEMO-0217/QĐ-UBND", stars: 4, score: 74, monthsAgo: 39, products: ["n-coi-kim-son-hop-dung-do"] },
    ],
  },
];
