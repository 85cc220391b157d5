import type { DemoProducer } from "./demo-types";

/** Demo producers of the southern provinces (Đông Nam Bộ and Đồng bằng sông Cửu Long), after the July 2025 merger. */
export const SOUTH_PRODUCERS: DemoProducer[] = [
  {
    key: "s-htx-dieu-bu-dang",
    name: "Hợp tác xã Nông nghiệp Điều Bù Đăng",
    entityType: "cooperative",
    provinceCode: "75",
    wardCode: "25396",
    addressLine: "Thôn 4, đường ĐT760",
    phone: "0968 214 375",
    story:
      "Hợp tác xã được thành lập năm 2016 bởi 27 hộ trồng điều lâu năm trên vùng đất đỏ bazan của Bình Phước cũ. Điều được thu hạt chín rụng tự nhiên, phơi đủ nắng rồi rang theo cách truyền thống nên hạt giòn, béo và thơm. Hợp tác xã đang chuyển dần sang canh tác hữu cơ để giữ đất và giữ nghề cho thế hệ sau.",
    products: [
      {
        key: "s-dieu-rang-muoi-vo-lua",
        name: "Hạt điều rang muối vỏ lụa Bù Đăng hũ 500g",
        group: "food",
        unit: "hũ",
        priceVnd: 175000,
        stock: 320,
        weightGrams: 560,
        description:
          "Hạt điều loại W320 chọn từ vườn của xã viên, rang muối còn nguyên lớp vỏ lụa mỏng. Hạt giòn, vị mặn nhẹ, béo bùi đúng chất đặc sản Bình Phước. Đóng hũ nhựa có nắp nhôm hút ẩm, bảo quản được sáu tháng.",
      },
      {
        key: "s-dieu-rang-cui",
        name: "Hạt điều rang củi nguyên vỏ túi 1kg",
        group: "food",
        unit: "túi",
        priceVnd: 260000,
        stock: 145,
        weightGrams: 1020,
        description:
          "Điều rang trên chảo gang bằng củi điều khô, để nguyên vỏ cứng cho khách tự tách. Cách rang chậm giúp hạt chín đều, có mùi khói nhẹ rất riêng. Thích hợp làm quà biếu hoặc nhâm nhi cùng trà.",
      },
      {
        key: "s-sua-hat-dieu",
        name: "Sữa hạt điều nguyên chất chai 330ml",
        group: "beverage",
        unit: "chai",
        priceVnd: 28000,
        stock: 90,
        weightGrams: 360,
        description:
          "Sữa nấu từ hạt điều tươi xay mịn, không thêm sữa bò và chỉ có một chút đường thốt nốt. Vị béo nhẹ, uống mát khi để lạnh. Bảo quản ngăn mát tủ lạnh và dùng trong năm ngày.",
      },
    ],
    certificates: [
      {
        number: "DEMO-426/QĐ-BNNMT",
        stars: 5,
        score: 91,
        monthsAgo: 14,
        products: ["s-dieu-rang-muoi-vo-lua", "s-dieu-rang-cui"],
      },
    ],
  },
  {
    key: "s-cty-nuoc-mam-long-hai",
    name: "Công ty TNHH Nước mắm Long Hải Tám Thuận",
    entityType: "enterprise",
    provinceCode: "79",
    wardCode: "26662",
    addressLine: "Số 86 đường Nguyễn Thị Minh Khai, khu phố Hải Phong",
    phone: "0903 617 248",
    story:
      "Gia đình ông Tám Thuận làm nước mắm ở làng biển Long Hải đã ba đời, trước chỉ bán cho bạn hàng quanh vùng Bà Rịa. Năm 2018 cơ sở được nâng lên thành công ty, đầu tư nhà thùng gỗ mới nhưng vẫn giữ công thức cá cơm than và muối hạt ủ chượp mười hai tháng. Mỗi mẻ mắm đều được kiểm tra độ đạm trước khi đóng chai.",
    products: [
      {
        key: "s-nuoc-mam-long-hai-35",
        name: "Nước mắm Long Hải cá cơm 35 độ đạm chai 500ml",
        group: "food",
        unit: "chai",
        priceVnd: 95000,
        stock: 240,
        weightGrams: 780,
        description:
          "Nước mắm nhĩ rút từ thùng gỗ sau mười hai tháng ủ cá cơm than với muối hạt Bà Rịa. Màu cánh gián, mùi thơm dịu, vị mặn ngọt hậu. Là đặc sản lâu đời của vùng biển Long Hải, hợp chấm hải sản luộc và pha nước chấm.",
      },
      {
        key: "s-mam-ruoc-long-hai",
        name: "Mắm ruốc Long Hải hũ 400g",
        group: "food",
        unit: "hũ",
        priceVnd: 65000,
        stock: 110,
        weightGrams: 480,
        description:
          "Ruốc biển tươi được đánh bắt theo mùa, trộn muối và phơi nắng cho đến khi lên màu đỏ hồng. Mắm ruốc mịn, thơm, dùng kho thịt ba chỉ, xào sả ớt hoặc chấm xoài xanh. Hũ thủy tinh có nắp kín, bảo quản nơi thoáng mát.",
      },
    ],
    certificates: [
      {
        number: "DEMO-2317/QĐ-UBND",
        stars: 4,
        score: 82,
        monthsAgo: 9,
        products: ["s-nuoc-mam-long-hai-35"],
      },
      {
        number: "DEMO-2318/QĐ-UBND",
        stars: 3,
        score: 64,
        monthsAgo: 9,
        products: ["s-mam-ruoc-long-hai"],
      },
    ],
  },
  {
    key: "s-htx-banh-trang-trang-bang",
    name: "Hợp tác xã Bánh tráng phơi sương Trảng Bàng",
    entityType: "cooperative",
    provinceCode: "80",
    wardCode: "25708",
    addressLine: "Ấp Lộc Du, đường Xuyên Á",
    phone: "0377 482 159",
    story:
      "Hợp tác xã quy tụ 15 lò bánh tráng gia truyền ở Trảng Bàng, nơi bánh được nướng trên lửa than rồi phơi qua một đêm sương cho mềm dẻo. Xã viên cùng thống nhất quy trình, nguồn gạo và bao bì để bánh đến được tay khách xa mà vẫn giữ độ dẻo. Bên cạnh bánh tráng, hợp tác xã còn làm muối tôm và trà từ mãng cầu núi Bà Đen.",
    products: [
      {
        key: "s-banh-trang-phoi-suong",
        name: "Bánh tráng phơi sương Trảng Bàng gói 500g",
        group: "food",
        unit: "gói",
        priceVnd: 55000,
        stock: 380,
        weightGrams: 520,
        description:
          "Bánh làm từ gạo Nàng Thơm, tráng mỏng, nướng than rồi phơi sương nên mềm, dẻo, không cần nhúng nước. Đây là đặc sản nổi tiếng của Tây Ninh, ăn kèm thịt heo luộc, rau rừng và mắm nêm. Mở gói nên dùng trong ba ngày.",
      },
      {
        key: "s-muoi-tom-tay-ninh",
        name: "Muối tôm Tây Ninh hũ 200g",
        group: "food",
        unit: "hũ",
        priceVnd: 45000,
        stock: 260,
        weightGrams: 250,
        description:
          "Muối hạt rang cùng tôm khô xay, ớt hiểm và tỏi phi theo công thức của các lò muối Trảng Bàng. Vị mặn cay, thơm mùi tôm, chấm trái cây hay rắc bánh tráng trộn đều ngon. Hũ nhựa nắp vặn kín, dùng trong chín tháng.",
      },
      {
        key: "s-tra-mang-cau-ba-den",
        name: "Trà mãng cầu Bà Đen túi lọc hộp 25 gói",
        group: "herbal",
        unit: "hộp",
        priceVnd: 85000,
        stock: 75,
        weightGrams: 120,
        description:
          "Trà làm từ lá và trái mãng cầu ta trồng dưới chân núi Bà Đen, sấy lạnh rồi nghiền và đóng túi lọc. Nước trà vàng nhạt, thơm nhẹ, dân gian dùng để dễ ngủ và thanh nhiệt. Mỗi gói pha với 200ml nước sôi, để ba phút là dùng được.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1642/QĐ-UBND",
        stars: 4,
        score: 76,
        monthsAgo: 22,
        products: ["s-banh-trang-phoi-suong", "s-muoi-tom-tay-ninh"],
      },
      {
        number: "DEMO-3085/QĐ-UBND",
        stars: 3,
        score: 62,
        monthsAgo: 5,
        products: ["s-tra-mang-cau-ba-den"],
      },
    ],
  },
  {
    key: "s-htx-hoa-kieng-sa-dec",
    name: "Hợp tác xã Hoa kiểng Tân Quy Đông Sa Đéc",
    entityType: "cooperative",
    provinceCode: "82",
    wardCode: "29905",
    addressLine: "Khóm Tân Mỹ, đường Nguyễn Tất Thành",
    phone: "0918 356 720",
    story:
      "Làng hoa Sa Đéc đã trồng hoa kiểng hơn một trăm năm, với những giàn hoa đặt trên liếp cao để tránh nước nổi. Hợp tác xã gom sản phẩm của 40 nhà vườn, chăm từ cây giống đến chậu hoa thành phẩm và giao đi khắp miền Tây. Vào mùa hoa Tết, nhà vườn còn mở cửa đón khách tham quan và chụp ảnh.",
    products: [
      {
        key: "s-cuc-mam-xoi-sa-dec",
        name: "Cúc mâm xôi Sa Đéc chậu đường kính 40cm",
        group: "ornamental",
        unit: "chậu",
        priceVnd: 180000,
        stock: 0,
        weightGrams: 6500,
        description:
          "Cúc mâm xôi được bấm ngọn nhiều lần để tán tròn đều như mâm xôi, nở vàng rực đúng dịp Tết. Cây trồng trong chậu nhựa, đất đã trộn phân hữu cơ. Hàng vụ Tết năm nay đã bán hết, nhà vườn nhận đặt trước cho vụ sau.",
      },
      {
        key: "s-hoa-hong-sa-dec",
        name: "Hoa hồng Sa Đéc chậu 25cm",
        group: "ornamental",
        unit: "chậu",
        priceVnd: 120000,
        stock: 65,
        weightGrams: 3000,
        description:
          "Giống hồng cổ Sa Đéc có hương thơm đậm, cánh dày, nở quanh năm nếu đủ nắng. Cây được ghép trên gốc hồng dại nên khỏe và ít sâu bệnh. Phù hợp đặt ban công, sân thượng có từ bốn giờ nắng mỗi ngày.",
      },
      {
        key: "s-tour-lang-hoa-sa-dec",
        name: "Tour tham quan làng hoa Sa Đéc nửa ngày",
        group: "tourism",
        unit: "vé",
        priceVnd: 150000,
        stock: 40,
        weightGrams: 0,
        description:
          "Khách đi xuồng dọc rạch Cái Sơn, ghé các vườn hoa trên liếp và nghe nhà vườn kể chuyện nghề. Tour có phần tự tay trồng một chậu hoa nhỏ mang về. Giá vé gồm nước uống, hướng dẫn viên và bảo hiểm.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1128/QĐ-UBND",
        stars: 4,
        score: 80,
        monthsAgo: 18,
        products: ["s-cuc-mam-xoi-sa-dec"],
      },
      {
        number: "DEMO-2954/QĐ-UBND",
        stars: 3,
        score: 58,
        monthsAgo: 7,
        products: ["s-tour-lang-hoa-sa-dec"],
      },
    ],
  },
  {
    key: "s-cty-keo-dua-thanh-long",
    name: "Công ty TNHH Kẹo dừa Thanh Long Bến Tre",
    entityType: "enterprise",
    provinceCode: "86",
    wardCode: "28903",
    addressLine: "Số 215 Quốc lộ 57, khu phố 3",
    phone: "0939 481 627",
    story:
      "Xuất phát từ một lò kẹo dừa nhỏ ở Mỏ Cày năm 1995, công ty nay thu mua dừa khô của hơn 300 hộ trồng dừa quanh vùng. Kẹo vẫn được nấu trong chảo gang và cắt gói bằng tay, chỉ phần đóng hộp là làm bằng máy. Gáo dừa bỏ ra không phí mà được các thợ trong xóm làm thành đồ mỹ nghệ.",
    products: [
      {
        key: "s-keo-dua-sua",
        name: "Kẹo dừa sữa nguyên chất hộp 400g",
        group: "food",
        unit: "hộp",
        priceVnd: 48000,
        stock: 460,
        weightGrams: 430,
        description:
          "Kẹo nấu từ nước cốt dừa tươi, mạch nha và đường, không dùng chất bảo quản. Viên kẹo dẻo, béo, thơm mùi dừa nướng, gói trong lớp bánh tráng mỏng ăn được. Đây là đặc sản không thể thiếu khi ghé xứ dừa Bến Tre.",
      },
      {
        key: "s-keo-dua-sau-rieng",
        name: "Kẹo dừa sầu riêng hộp 400g",
        group: "food",
        unit: "hộp",
        priceVnd: 55000,
        stock: 280,
        weightGrams: 430,
        description:
          "Kẹo dừa truyền thống được thêm cơm sầu riêng Ri6 của vườn Chợ Lách. Vị béo của dừa hòa với mùi sầu riêng đậm, ngọt vừa. Nên bảo quản nơi khô ráo, tránh nắng trực tiếp.",
      },
      {
        key: "s-bo-chen-gao-dua",
        name: "Bộ chén gáo dừa mỹ nghệ 6 chiếc",
        group: "handicraft",
        unit: "bộ",
        priceVnd: 150000,
        stock: 55,
        weightGrams: 450,
        description:
          "Chén làm từ gáo dừa già, được mài nhẵn, đánh bóng bằng dầu dừa và phủ lớp sơn an toàn thực phẩm. Mỗi chiếc có vân gỗ riêng nên không chiếc nào giống chiếc nào. Dùng đựng đồ khô, hạt, trái cây hoặc làm quà lưu niệm.",
      },
    ],
    certificates: [
      {
        number: "DEMO-276/QĐ-BNNMT",
        stars: 5,
        score: 93,
        monthsAgo: 20,
        products: ["s-keo-dua-sua", "s-keo-dua-sau-rieng"],
      },
      {
        number: "DEMO-1873/QĐ-UBND",
        stars: 3,
        score: 66,
        monthsAgo: 11,
        products: ["s-bo-chen-gao-dua"],
      },
    ],
  },
  {
    key: "s-hkd-homestay-an-binh",
    name: "Hộ kinh doanh Homestay Vườn Bưởi Út Hạnh",
    entityType: "household",
    provinceCode: "86",
    wardCode: "29584",
    addressLine: "Ấp Hòa Quới, cù lao An Bình",
    phone: "0794 275 318",
    story:
      "Nhà Út Hạnh có ba công vườn bưởi Năm Roi và chôm chôm ven sông Cổ Chiên, mở homestay từ năm 2017. Khách ngủ trong nhà gỗ cổ, sáng bơi xuồng ra vườn hái trái và học làm bánh xèo, bánh lá mít với chủ nhà. Gia đình muốn khách hiểu cuộc sống miệt vườn chứ không chỉ ghé qua chụp ảnh.",
    products: [
      {
        key: "s-homestay-cu-lao-an-binh",
        name: "Homestay cù lao An Bình phòng đôi kèm bữa sáng",
        group: "tourism",
        unit: "đêm",
        priceVnd: 450000,
        stock: 12,
        weightGrams: 0,
        description:
          "Phòng đôi trong nhà gỗ ba gian, có quạt, mùng và nhà tắm riêng. Giá đã gồm bữa sáng hủ tiếu, xe đạp đi quanh cù lao và một buổi hái trái trong vườn. Chủ nhà đón khách ở bến phà Đình Khao nếu báo trước.",
      },
      {
        key: "s-buoi-nam-roi-an-binh",
        name: "Bưởi Năm Roi cù lao An Bình",
        group: "food",
        unit: "kg",
        priceVnd: 35000,
        stock: 180,
        weightGrams: 1000,
        description:
          "Bưởi Năm Roi trồng trên đất phù sa ven sông, vỏ mỏng, múi ráo và ngọt thanh không đắng. Trái được hái khi đủ tám tháng tuổi và giao trong vòng hai ngày. Mỗi trái nặng khoảng 1,2–1,5kg.",
      },
    ],
    certificates: [
      {
        number: "DEMO-2641/QĐ-UBND",
        stars: 3,
        score: 67,
        monthsAgo: 16,
        products: ["s-homestay-cu-lao-an-binh"],
      },
      {
        number: "DEMO-905/QĐ-UBND",
        stars: 4,
        score: 74,
        monthsAgo: 39,
        products: ["s-buoi-nam-roi-an-binh"],
      },
    ],
  },
  {
    key: "s-htx-nuoc-mam-ham-ninh",
    name: "Hợp tác xã Nước mắm truyền thống Hàm Ninh Phú Quốc",
    entityType: "cooperative",
    provinceCode: "91",
    wardCode: "31078",
    addressLine: "Tổ 2, ấp Rạch Hàm, Hàm Ninh",
    phone: "0913 742 685",
    story:
      "Hợp tác xã gồm 12 nhà thùng ở Hàm Ninh, nơi cá cơm được muối ngay trên ghe khi vừa kéo lưới. Chượp được ủ trong thùng gỗ bời lời từ mười hai đến mười lăm tháng theo đúng quy trình nước mắm Phú Quốc đã được bảo hộ chỉ dẫn địa lý. Nhiều xã viên còn có vườn tiêu trên đồi, bán kèm cho khách quen.",
    products: [
      {
        key: "s-nuoc-mam-phu-quoc-40",
        name: "Nước mắm Phú Quốc 40 độ đạm chai thủy tinh 500ml",
        group: "food",
        unit: "chai",
        priceVnd: 135000,
        stock: 210,
        weightGrams: 820,
        description:
          "Nước mắm nhĩ rút giọt đầu từ thùng gỗ, độ đạm 40, màu nâu cánh gián trong vắt. Vị mặn đậm rồi ngọt hậu rất lâu, là đặc sản mang chỉ dẫn địa lý Phú Quốc. Chai thủy tinh đóng thùng xốp chống vỡ khi vận chuyển.",
      },
      {
        key: "s-nuoc-mam-phu-quoc-ca-com-35",
        name: "Nước mắm cá cơm Phú Quốc 35 độ đạm chai 650ml",
        group: "food",
        unit: "chai",
        priceVnd: 98000,
        stock: 340,
        weightGrams: 950,
        description:
          "Nước mắm cốt cá cơm sọc tiêu và muối biển, ủ mười hai tháng, độ đạm 35. Vị dịu, thơm, hợp nêm canh kho và pha nước chấm hằng ngày. Chai nhựa PET dày, thuận tiện gửi đi xa.",
      },
      {
        key: "s-ho-tieu-den-phu-quoc",
        name: "Hồ tiêu đen Phú Quốc hũ 100g",
        group: "food",
        unit: "hũ",
        priceVnd: 60000,
        stock: 150,
        weightGrams: 160,
        description:
          "Tiêu hạt to, chắc, hái chín trên giàn trụ gỗ của các vườn đồi Hàm Ninh rồi phơi nắng tự nhiên. Hạt cay nồng, thơm lâu, xay tới đâu dùng tới đó. Hũ thủy tinh có nắp cối xay tiện dụng.",
      },
    ],
    certificates: [
      {
        number: "DEMO-153/QĐ-BNNMT",
        stars: 5,
        score: 95,
        monthsAgo: 26,
        products: ["s-nuoc-mam-phu-quoc-40", "s-nuoc-mam-phu-quoc-ca-com-35"],
      },
      {
        number: "DEMO-3362/QĐ-UBND",
        stars: 4,
        score: 85,
        monthsAgo: 4,
        products: ["s-ho-tieu-den-phu-quoc"],
      },
    ],
  },
  {
    key: "s-htx-thot-not-bay-nui",
    name: "Hợp tác xã Thốt nốt Bảy Núi Tri Tôn",
    entityType: "cooperative",
    provinceCode: "91",
    wardCode: "30544",
    addressLine: "Phum Tà Miệt, ấp Tô Thủy",
    phone: "0845 913 204",
    story:
      "Phần lớn xã viên là người Khmer vùng Bảy Núi, sống bằng nghề leo cây thốt nốt lấy nước từ đời ông bà. Hợp tác xã giúp các hộ có lò nấu sạch, bao bì và đầu ra ổn định thay vì bán thô cho thương lái. Lá thốt nốt được phụ nữ trong phum đan thành giỏ, hộp, tạo thêm thu nhập lúc nông nhàn.",
    products: [
      {
        key: "s-duong-thot-not-bay-nui",
        name: "Đường thốt nốt Bảy Núi túi 500g",
        group: "food",
        unit: "túi",
        priceVnd: 50000,
        stock: 290,
        weightGrams: 520,
        description:
          "Nước thốt nốt hứng trong ống tre được nấu ngay trong ngày trên lò củi cho đến khi kết tinh. Đường màu vàng nâu, ngọt thanh, thơm mùi khói, là đặc sản của vùng Bảy Núi An Giang. Dùng nấu chè, kho cá hoặc pha cà phê đều hợp.",
      },
      {
        key: "s-nuoc-thot-not-tuoi",
        name: "Nước thốt nốt tươi đóng chai 330ml",
        group: "beverage",
        unit: "chai",
        priceVnd: 18000,
        stock: 0,
        weightGrams: 360,
        description:
          "Nước thốt nốt tươi được lọc, thanh trùng nhanh và đóng chai trong vòng sáu giờ sau khi lấy. Vị ngọt dịu, mát, thơm đặc trưng. Mùa lấy nước từ tháng Mười Hai đến tháng Năm nên ngoài mùa tạm hết hàng.",
      },
      {
        key: "s-gio-dan-la-thot-not",
        name: "Giỏ đan lá thốt nốt có nắp cỡ vừa",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 95000,
        stock: 70,
        weightGrams: 300,
        description:
          "Giỏ đan tay từ lá thốt nốt non phơi khô, viền bằng mây và có nắp đậy. Hoa văn đan theo kiểu truyền thống của người Khmer Tri Tôn. Dùng đựng bánh kẹo, quà Tết hoặc trang trí nhà cửa.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1507/QĐ-UBND",
        stars: 4,
        score: 77,
        monthsAgo: 13,
        products: ["s-duong-thot-not-bay-nui"],
      },
      {
        number: "DEMO-2789/QĐ-UBND",
        stars: 3,
        score: 60,
        monthsAgo: 2,
        products: ["s-nuoc-thot-not-tuoi", "s-gio-dan-la-thot-not"],
      },
    ],
  },
  {
    key: "s-htx-demo-can-tho",
    name: "Hợp tác xã Nông nghiệp Ông Cua Mỹ Xuyên",
    entityType: "cooperative",
    provinceCode: "92",
    wardCode: "31684",
    addressLine: "Ấp Hòa Phuông, đường Lê Lợi nối dài",
    phone: "0939 123 456",
    story:
      "Hợp tác xã do anh Nguyễn Văn Cua cùng 35 hộ trồng lúa ở Mỹ Xuyên lập ra, canh tác lúa ST25 luân canh với nuôi tôm trên ruộng nhiễm mặn. Lúa được sấy, xay và đóng túi ngay tại kho của hợp tác xã nên gạo luôn mới. Vợ các xã viên còn giữ nghề làm bánh pía và lạp xưởng của người Hoa Sóc Trăng để bán vào dịp lễ Tết.",
    ownerEmail: "producer@demo.local",
    bank: { bin: "970405", accountNo: "7300205123456", accountName: "HTX NONG NGHIEP ONG CUA MY XUYEN" },
    products: [
      {
        key: "s-gao-st25-ong-cua",
        name: "Gạo ST25 Ông Cua túi 5kg",
        group: "food",
        unit: "túi",
        priceVnd: 185000,
        stock: 420,
        weightGrams: 5000,
        description:
          "Gạo ST25 trồng trên đất Mỹ Xuyên, giống lúa của kỹ sư Hồ Quang Cua từng đoạt giải gạo ngon nhất thế giới. Hạt dài, trắng trong, cơm dẻo, thơm mùi lá dứa và vẫn mềm khi để nguội. Đóng túi hút chân không, in ngày xay trên bao bì.",
      },
      {
        key: "s-gao-st25-lua-tom",
        name: "Gạo ST25 lúa – tôm hữu cơ túi 2kg",
        group: "food",
        unit: "túi",
        priceVnd: 95000,
        stock: 160,
        weightGrams: 2000,
        description:
          "Lúa ST25 cấy một vụ trên ruộng nuôi tôm sú, không dùng phân bón hóa học hay thuốc trừ sâu. Hạt gạo hơi nhỏ hơn nhưng thơm đậm và ngọt cơm. Mỗi lô gạo đều có mã truy xuất đến từng thửa ruộng.",
      },
      {
        key: "s-banh-pia-sau-rieng-trung-muoi",
        name: "Bánh pía sầu riêng trứng muối hộp 4 cái",
        group: "food",
        unit: "hộp",
        priceVnd: 90000,
        stock: 130,
        weightGrams: 500,
        description:
          "Bánh pía vỏ ngàn lớp cán tay, nhân đậu xanh, sầu riêng và lòng đỏ trứng vịt muối. Đây là đặc sản của người Hoa Sóc Trăng, ăn kèm trà nóng rất hợp. Bánh dùng ngon nhất trong hai tuần kể từ ngày sản xuất.",
      },
      {
        key: "s-lap-xuong-soc-trang",
        name: "Lạp xưởng tươi Sóc Trăng gói 500g",
        group: "food",
        unit: "gói",
        priceVnd: 120000,
        stock: 40,
        weightGrams: 500,
        description:
          "Lạp xưởng làm từ thịt nạc đùi và mỡ heo xắt hạt lựu, ướp rượu mai quế lộ, phơi nắng hai ngày. Khi chiên có vị ngọt béo, thơm mùi rượu. Sản phẩm đang được hợp tác xã hoàn thiện bao bì trước khi mở bán.",
        status: "draft",
      },
    ],
    certificates: [
      {
        number: "DEMO-3421/QĐ-UBND",
        stars: 4,
        score: 84,
        monthsAgo: 8,
        products: ["s-gao-st25-ong-cua", "s-gao-st25-lua-tom"],
      },
      {
        number: "DEMO-2076/QĐ-UBND",
        stars: 3,
        score: 68,
        monthsAgo: 19,
        products: ["s-banh-pia-sau-rieng-trung-muoi"],
      },
    ],
  },
  {
    key: "s-tht-du-lich-con-son",
    name: "Tổ hợp tác Du lịch cộng đồng Cồn Sơn",
    entityType: "cooperative_group",
    provinceCode: "92",
    wardCode: "31168",
    addressLine: "Khu vực Bình Phó B, Cồn Sơn",
    phone: "0362 805 913",
    story:
      "Cồn Sơn là cù lao nhỏ giữa sông Hậu, hơn chục hộ dân ở đây cùng lập tổ hợp tác để đón khách trải nghiệm miệt vườn từ năm 2015. Mỗi nhà đảm nhận một điểm dừng: xem cá lóc bay, hái trái, làm bánh dân gian hay nghe đờn ca tài tử. Tiền vé được chia theo số lượt khách mà mỗi hộ phục vụ.",
    products: [
      {
        key: "s-tour-miet-vuon-con-son",
        name: "Tour miệt vườn Cồn Sơn Cần Thơ trọn ngày",
        group: "tourism",
        unit: "vé",
        priceVnd: 350000,
        stock: 60,
        weightGrams: 0,
        description:
          "Khách đi đò từ bến Ninh Kiều sang Cồn Sơn, xem cá lóc bay, hái trái trong vườn và tự tay làm bánh khọt. Bữa trưa là các món đồng quê như cá lóc nướng trui, canh chua bông điên điển. Giá vé gồm đò đưa rước, ăn trưa và hướng dẫn viên là người địa phương.",
      },
      {
        key: "s-banh-tet-la-cam",
        name: "Bánh tét lá cẩm Cần Thơ đòn 1kg",
        group: "food",
        unit: "chiếc",
        priceVnd: 110000,
        stock: 25,
        weightGrams: 1000,
        description:
          "Nếp được ngâm nước lá cẩm nên có màu tím tự nhiên, nhân đậu xanh, thịt mỡ và trứng muối. Bánh gói bằng lá chuối, nấu mười tiếng trên bếp củi. Đây là đặc sản của Cần Thơ, đặt trước hai ngày để nhận bánh mới.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1934/QĐ-UBND",
        stars: 4,
        score: 79,
        monthsAgo: 28,
        products: ["s-tour-miet-vuon-con-son"],
      },
      {
        number: "DEMO-3198/QĐ-UBND",
        stars: 3,
        score: 61,
        monthsAgo: 3,
        products: ["s-banh-tet-la-cam"],
      },
    ],
  },
  {
    key: "s-hkd-luc-binh-vi-thanh",
    name: "Hộ kinh doanh Đồ thủ công lục bình Út Hiền",
    entityType: "household",
    provinceCode: "92",
    wardCode: "31321",
    addressLine: "Khu vực 4, đường Trần Hưng Đạo",
    phone: "0827 364 051",
    story:
      "Lục bình trôi đầy kênh rạch Hậu Giang cũ, chị Út Hiền vớt về phơi khô rồi dạy chị em trong xóm đan thành đồ gia dụng. Cơ sở hiện có 18 thợ đan làm tại nhà, nhận hàng theo đơn của các cửa hàng ở Thành phố Hồ Chí Minh. Hồ sơ đăng ký bán trên chợ đang chờ xác minh.",
    verification: "pending",
    products: [
      {
        key: "s-gio-luc-binh",
        name: "Giỏ lục bình đan tay có quai",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 120000,
        stock: 85,
        weightGrams: 400,
        description:
          "Giỏ đan từ thân lục bình phơi khô ba nắng, khung tre bên trong giúp giỏ đứng dáng. Dùng đựng đồ đi chợ, đồ chơi trẻ em hoặc làm chậu bọc cây cảnh. Không để giỏ ngâm nước lâu để tránh ẩm mốc.",
      },
      {
        key: "s-tham-luc-binh",
        name: "Thảm lục bình tròn đường kính 80cm",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 260000,
        stock: 30,
        weightGrams: 1500,
        description:
          "Thảm bện từ sợi lục bình xoắn, khâu vòng tròn bằng chỉ cotton. Mặt thảm êm chân, thoáng khí, hợp trải phòng khách hay ban công. Sản phẩm hoàn toàn tự nhiên, có thể phơi nắng để làm sạch.",
      },
    ],
    certificates: [
      {
        number: "DEMO-2512/QĐ-UBND",
        stars: 3,
        score: 55,
        monthsAgo: 10,
        products: ["s-gio-luc-binh", "s-tham-luc-binh"],
      },
    ],
  },
  {
    key: "s-hkd-mat-ong-u-minh",
    name: "Hộ kinh doanh Mật ong U Minh Hạ",
    entityType: "household",
    provinceCode: "96",
    wardCode: "32047",
    addressLine: "Ấp 10, ven kênh Xáng Minh Hà",
    phone: "0856 471 932",
    story:
      "Gia đình chú Sáu Thành gác kèo ong trong rừng tràm U Minh Hạ từ năm 1990, theo cách người dân nơi đây truyền lại. Mật chỉ được lấy khi ong đã vít nắp, lọc qua vải mùng và không nấu. Ngoài mật ong, nhà còn chưng cất tinh dầu tràm và phơi khô cá lóc đồng vào mùa nước rút.",
    products: [
      {
        key: "s-mat-ong-rung-tram",
        name: "Mật ong rừng tràm U Minh chai 500ml",
        group: "food",
        unit: "chai",
        priceVnd: 250000,
        stock: 95,
        weightGrams: 750,
        description:
          "Mật ong lấy từ kèo ong trong rừng tràm ngập nước, màu vàng sẫm, sánh đặc và thơm mùi hoa tràm. Mật không pha đường, không cô đặc bằng nhiệt nên giữ nguyên men và dưỡng chất. Là đặc sản của vùng đất rừng U Minh Hạ Cà Mau.",
      },
      {
        key: "s-tinh-dau-tram-u-minh",
        name: "Tinh dầu tràm U Minh lọ 50ml",
        group: "herbal",
        unit: "lọ",
        priceVnd: 75000,
        stock: 220,
        weightGrams: 110,
        description:
          "Tinh dầu chưng cất bằng hơi nước từ lá tràm gió tươi, không pha dầu nền. Dân gian dùng xoa ấm ngực, giữ ấm cho trẻ nhỏ và xua muỗi. Đậy kín nắp sau khi dùng và để xa tầm tay trẻ em.",
      },
      {
        key: "s-kho-ca-loc-dong",
        name: "Khô cá lóc đồng U Minh túi 500g",
        group: "food",
        unit: "túi",
        priceVnd: 190000,
        stock: 60,
        weightGrams: 500,
        description:
          "Cá lóc đồng bắt vào mùa nước rút, làm sạch, ướp muối nhạt rồi phơi hai nắng. Thịt khô chắc, ngọt, nướng than hoặc chiên giòn ăn với cơm trắng và xoài băm. Bảo quản ngăn mát tủ lạnh được ba tháng.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1376/QĐ-UBND",
        stars: 4,
        score: 81,
        monthsAgo: 24,
        products: ["s-mat-ong-rung-tram", "s-tinh-dau-tram-u-minh"],
      },
      {
        number: "DEMO-2860/QĐ-UBND",
        stars: 3,
        score: 63,
        monthsAgo: 6,
        products: ["s-kho-ca-loc-dong"],
      },
    ],
  },
];
