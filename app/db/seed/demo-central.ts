import type { DemoProducer } from "./demo-types";

/** Demo producers of the North Central and South Central coast and the Central Highlands (provinces 38–68). */
export const CENTRAL_PRODUCERS: DemoProducer[] = [
  {
    key: "c-htx-coi-nga-son",
    name: "Hợp tác xã Thủ công Mỹ nghệ Cói Nga Sơn",
    entityType: "cooperative",
    provinceCode: "38",
    wardCode: "16093",
    addressLine: "Thôn 5",
    phone: "0912 384 576",
    story:
      "Hợp tác xã quy tụ hơn tám mươi hộ dệt chiếu và đan cói ven biển Nga Sơn, nơi nghề cói đã gắn bó với người dân qua nhiều thế hệ. Cói được trồng trên bãi bồi, phơi nắng kỹ rồi nhuộm màu và dệt hoàn toàn bằng khung tay. Hợp tác xã đang đưa sản phẩm cói vào các chuỗi quà tặng để giữ nghề cho lớp trẻ.",
    products: [
      {
        key: "c-chieu-coi-nga-son",
        name: "Chiếu cói Nga Sơn dệt hoa 1m6",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 450_000,
        stock: 60,
        weightGrams: 2_500,
        description:
          "Chiếu cói Nga Sơn dệt tay trên khung gỗ, sợi cói chẻ nhỏ, nhuộm hoa văn đỏ truyền thống. Mặt chiếu êm, thoáng mát về mùa hè và càng dùng càng bóng đẹp. Kích thước 1,6 m × 2 m, cuộn gọn kèm túi đựng.",
      },
      {
        key: "c-tui-coi-nga-son",
        name: "Túi xách cói Nga Sơn",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 180_000,
        stock: 120,
        weightGrams: 400,
        description:
          "Túi xách đan từ cói Nga Sơn phơi khô tự nhiên, quai da bền chắc, lót vải bên trong. Kiểu dáng gọn nhẹ, hợp đi chợ, đi biển hay làm quà tặng mang dấu ấn làng nghề xứ Thanh.",
      },
    ],
    certificates: [{ number: "DEMO-2318/QĐ-UBND", stars: 4, score: 77, monthsAgo: 14, products: ["c-chieu-coi-nga-son", "c-tui-coi-nga-son"] }],
  },
  {
    key: "c-htx-cam-vinh-quy-hop",
    name: "Hợp tác xã Nông nghiệp Cam Vinh Quỳ Hợp",
    entityType: "cooperative",
    provinceCode: "40",
    wardCode: "17035",
    addressLine: "Xóm Tân Hợp",
    phone: "0986 215 439",
    story:
      "Trên những đồi đất đỏ bazan của Quỳ Hợp, các thành viên hợp tác xã chăm hơn 60 héc-ta cam theo hướng hữu cơ, bón phân chuồng ủ hoai và hạn chế tối đa thuốc bảo vệ thực vật. Cam được thu hái đúng độ chín, tuyển chọn bằng tay trước khi đóng thùng. Phần vỏ cam được tận dụng để chưng cất tinh dầu và làm mứt.",
    products: [
      {
        key: "c-cam-vinh-quy-hop",
        name: "Cam Vinh Quỳ Hợp",
        group: "food",
        unit: "kg",
        priceVnd: 45_000,
        stock: 400,
        weightGrams: 1_000,
        description:
          "Cam Vinh là đặc sản nổi tiếng của xứ Nghệ, vỏ mỏng màu xanh ngả vàng, tép mọng nước và vị ngọt thanh đậm đà. Cam được hái khi chín tới trên cây, không dùng chất bảo quản. Phù hợp ăn tươi, vắt nước hoặc làm quà biếu dịp Tết.",
      },
      {
        key: "c-tinh-dau-vo-cam-vinh",
        name: "Tinh dầu vỏ cam Vinh",
        group: "herbal",
        unit: "lọ",
        priceVnd: 95_000,
        stock: 150,
        weightGrams: 60,
        description:
          "Tinh dầu chưng cất hơi nước từ vỏ cam Vinh tươi, hương thơm ngọt dịu, giúp thư giãn và khử mùi không gian. Dùng với máy khuếch tán hoặc nhỏ vài giọt vào nước lau nhà. Lọ thuỷ tinh 10 ml có ống nhỏ giọt.",
      },
      {
        key: "c-mut-vo-cam-vinh",
        name: "Mứt vỏ cam Vinh",
        group: "food",
        unit: "hộp",
        priceVnd: 75_000,
        stock: 80,
        weightGrams: 300,
        description:
          "Vỏ cam Vinh thái sợi, trần qua nước muối cho bớt đắng rồi sên với đường phèn đến khi trong và dẻo. Vị ngọt nhẹ, thơm mùi cam, thích hợp bày mâm trà ngày Tết. Hộp 250 g.",
        status: "draft",
      },
    ],
    certificates: [
      { number: "DEMO-1542/QĐ-UBND", stars: 4, score: 81, monthsAgo: 6, products: ["c-cam-vinh-quy-hop"] },
      { number: "DEMO-2790/QĐ-UBND", stars: 3, score: 64, monthsAgo: 19, products: ["c-tinh-dau-vo-cam-vinh"] },
    ],
  },
  {
    key: "c-cty-keo-cu-do-thanh-sen",
    name: "Công ty TNHH Kẹo cu đơ Thành Sen",
    entityType: "enterprise",
    provinceCode: "42",
    wardCode: "18073",
    addressLine: "Số 112 đường Hà Huy Tập",
    phone: "0915 607 283",
    story:
      "Từ một lò kẹo gia đình bên cầu Cày, công ty đã giữ nguyên công thức kẹo cu đơ gồm mật mía, lạc rang, gừng tươi và bánh đa nướng. Mỗi mẻ mật được nấu thủ công trên bếp than để đạt độ dẻo vừa phải. Sản phẩm hiện có mặt tại nhiều cửa hàng đặc sản từ Bắc vào Nam.",
    products: [
      {
        key: "c-keo-cu-do-ha-tinh",
        name: "Kẹo cu đơ Hà Tĩnh truyền thống",
        group: "food",
        unit: "hộp",
        priceVnd: 65_000,
        stock: 300,
        weightGrams: 550,
        description:
          "Kẹo cu đơ là đặc sản Hà Tĩnh với lớp mật mía nấu cùng lạc rang, kẹp giữa hai lớp bánh đa giòn. Vị ngọt đậm, thơm gừng, ăn kèm chén chè xanh là đúng điệu. Hộp 500 g gồm 10 chiếc đóng gói riêng.",
      },
      {
        key: "c-keo-cu-do-gung",
        name: "Kẹo cu đơ gừng",
        group: "food",
        unit: "gói",
        priceVnd: 35_000,
        stock: 220,
        weightGrams: 260,
        description:
          "Biến tấu của kẹo cu đơ với lượng gừng tươi nhiều hơn, vị cay ấm rõ rệt, rất hợp những ngày trời lạnh. Bánh đa được nướng giòn trên than hoa. Gói 250 g.",
      },
    ],
    certificates: [
      { number: "DEMO-1876/QĐ-UBND", stars: 4, score: 73, monthsAgo: 8, products: ["c-keo-cu-do-ha-tinh"] },
      { number: "DEMO-0945/QĐ-UBND", stars: 3, score: 57, monthsAgo: 40, products: ["c-keo-cu-do-gung"] },
    ],
  },
  {
    key: "c-htx-nong-ngu-cua-tung",
    name: "Hợp tác xã Nông – Ngư nghiệp Cửa Tùng",
    entityType: "cooperative",
    provinceCode: "44",
    wardCode: "19414",
    addressLine: "Thôn An Đức",
    phone: "0935 418 627",
    story:
      "Hợp tác xã kết nối các tàu câu mực ở cửa biển Cửa Tùng với những hộ trồng khoai trên vùng đất cát ven biển Quảng Trị. Mực được làm sạch ngay khi tàu cập bến và phơi đúng một nắng, còn khoai được hấp, phơi và ủ theo cách làm truyền thống. Hợp tác xã tạo việc làm thường xuyên cho hơn bốn mươi lao động nữ trong vùng.",
    products: [
      {
        key: "c-muc-mot-nang-cua-tung",
        name: "Mực một nắng Cửa Tùng",
        group: "food",
        unit: "kg",
        priceVnd: 650_000,
        stock: 0,
        weightGrams: 1_000,
        description:
          "Mực ống câu đêm ở vùng biển Cửa Tùng, làm sạch và phơi đúng một nắng nên thịt vẫn mềm, ngọt và giữ được độ tươi. Nướng than hồng chấm tương ớt là ngon nhất. Hàng được hút chân không và giao lạnh; hiện đang hết mùa câu, sẽ có lại vào tháng Tư.",
      },
      {
        key: "c-khoai-deo-quang-tri",
        name: "Khoai deo Quảng Trị",
        group: "food",
        unit: "túi",
        priceVnd: 85_000,
        stock: 180,
        weightGrams: 500,
        description:
          "Khoai lang trồng trên đất cát ven biển được hấp chín, thái lát rồi phơi nắng nhiều ngày cho đến khi dẻo và có lớp đường tự nhiên bên ngoài. Không đường, không phẩm màu. Túi 500 g, ăn trực tiếp hoặc nướng sơ cho thơm.",
      },
    ],
    certificates: [
      { number: "DEMO-3124/QĐ-UBND", stars: 4, score: 75, monthsAgo: 12, products: ["c-muc-mot-nang-cua-tung"] },
      {
        number: "DEMO-2467/QĐ-UBND",
        stars: 3,
        score: 61,
        monthsAgo: 10,
        products: ["c-khoai-deo-quang-tri"],
        revokedReason: "Cơ sở không duy trì điều kiện sản xuất theo tiêu chuẩn OCOP (dữ liệu minh hoạ).",
      },
    ],
  },
  {
    key: "c-hkd-non-la-phu-cam",
    name: "Hộ kinh doanh Nón lá Phú Cam",
    entityType: "household",
    provinceCode: "46",
    wardCode: "19789",
    addressLine: "Số 28 đường Phan Chu Trinh",
    phone: "0905 123 456",
    story:
      "Gia đình bà Nguyễn Thị Hoa đã chằm nón bên dòng sông An Cựu hơn năm mươi năm, truyền nghề qua ba thế hệ. Lá nón được chọn từ vùng núi Thừa Thiên, phơi sương cho trắng rồi chằm mười sáu vòng khung tre. Mỗi chiếc nón bài thơ đều được kẹp thơ và tranh giữa hai lớp lá, chỉ hiện lên khi soi dưới nắng.",
    products: [
      {
        key: "c-non-la-bai-tho-hue",
        name: "Nón lá bài thơ Huế",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 150_000,
        stock: 200,
        weightGrams: 200,
        description:
          "Nón bài thơ là đặc sản thủ công của đất Cố đô, mỏng nhẹ, trắng mịn với những câu thơ và hình cầu Trường Tiền ẩn giữa hai lớp lá. Vành nón chằm chỉ cước đều tay, quai lụa mềm. Món quà mang đậm nét duyên dáng xứ Huế.",
      },
      {
        key: "c-non-la-ve-tay-hue",
        name: "Nón lá vẽ tay phong cảnh Huế",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 220_000,
        stock: 0,
        weightGrams: 220,
        description:
          "Nón lá chằm thủ công, được các hoạ sĩ trẻ vẽ tay cảnh chùa Thiên Mụ, sông Hương hoặc hoa sen bằng màu acrylic bền nước. Mỗi chiếc là một bức tranh riêng, thích hợp trang trí hoặc làm quà lưu niệm. Đang nhận đặt hàng trước, giao sau 7 ngày.",
      },
    ],
    certificates: [{ number: "DEMO-1093/QĐ-UBND", stars: 4, score: 79, monthsAgo: 4, products: ["c-non-la-bai-tho-hue"] }],
  },
  {
    key: "c-htx-gom-thanh-ha",
    name: "Hợp tác xã Gốm Thanh Hà Hội An",
    entityType: "cooperative",
    provinceCode: "48",
    wardCode: "20401",
    addressLine: "Khối Nam Diêu",
    phone: "0935 762 108",
    story:
      "Làng gốm Thanh Hà bên bờ sông Thu Bồn đã có hơn năm trăm năm tuổi, từng cung cấp gạch ngói cho phố cổ Hội An. Các nghệ nhân của hợp tác xã vẫn nhào đất sét bằng chân, chuốt gốm trên bàn xoay tay và nung bằng lò củi. Du khách có thể ghé xưởng để tự tay nặn một món đồ gốm nhỏ.",
    products: [
      {
        key: "c-binh-gom-thanh-ha",
        name: "Bình gốm Thanh Hà men đất nung",
        group: "handicraft",
        unit: "chiếc",
        priceVnd: 320_000,
        stock: 45,
        weightGrams: 1_800,
        description:
          "Bình cắm hoa chuốt tay từ đất sét sông Thu Bồn, nung lò củi ở nhiệt độ cao cho màu đỏ gạch tự nhiên, không tráng men hoá chất. Dáng bình mộc mạc, hợp cắm hoa khô hoặc trang trí góc nhà. Cao khoảng 30 cm, đóng thùng chống sốc khi giao.",
      },
      {
        key: "c-am-chen-gom-thanh-ha",
        name: "Bộ ấm chén gốm Thanh Hà",
        group: "handicraft",
        unit: "bộ",
        priceVnd: 380_000,
        stock: 30,
        weightGrams: 1_500,
        description:
          "Bộ gồm một ấm và sáu chén đất nung Thanh Hà, giữ nhiệt tốt và làm trà thêm dịu vị. Mỗi chiếc mang dấu tay riêng của nghệ nhân nên màu sắc có thể khác nhau đôi chút. Sản phẩm đựng trong hộp giấy kraft in hình phố cổ.",
      },
    ],
    certificates: [
      { number: "DEMO-2651/QĐ-UBND", stars: 4, score: 84, monthsAgo: 22, products: ["c-binh-gom-thanh-ha", "c-am-chen-gom-thanh-ha"] },
    ],
  },
  {
    key: "c-htx-sam-ngoc-linh",
    name: "Hợp tác xã Dược liệu Sâm Ngọc Linh Tu Mơ Rông",
    entityType: "cooperative",
    provinceCode: "51",
    wardCode: "23365",
    addressLine: "Thôn Đắk Ang",
    phone: "0968 534 201",
    story:
      "Hợp tác xã của đồng bào Xơ Đăng trồng sâm dưới tán rừng nguyên sinh trên sườn núi Ngọc Linh, ở độ cao trên 1.800 mét. Cây giống được nhân từ hạt sâm bản địa và có hồ sơ truy xuất theo từng luống. Nhờ sâm, nhiều hộ trong thôn đã có thu nhập ổn định mà vẫn giữ được rừng.",
    products: [
      {
        key: "c-sam-ngoc-linh-tuoi",
        name: "Sâm Ngọc Linh tươi 5 năm tuổi",
        group: "herbal",
        unit: "hộp",
        priceVnd: 12_000_000,
        stock: 6,
        weightGrams: 300,
        description:
          "Sâm Ngọc Linh là đặc sản quý của vùng núi Ngọc Linh, được mệnh danh là “quốc bảo” với hàm lượng saponin cao. Củ sâm 5 năm tuổi trồng dưới tán rừng, nguyên rễ và thân lá, đóng hộp 100 g kèm tem truy xuất nguồn gốc. Có thể ăn tươi, ngâm mật ong hoặc ngâm rượu.",
      },
      {
        key: "c-cao-sam-ngoc-linh",
        name: "Cao sâm Ngọc Linh",
        group: "herbal",
        unit: "hũ",
        priceVnd: 3_500_000,
        stock: 20,
        weightGrams: 150,
        description:
          "Cao được cô đặc từ củ và rễ sâm Ngọc Linh bằng phương pháp chiết xuất nhiệt độ thấp, giữ trọn hoạt chất. Mỗi ngày dùng một thìa nhỏ pha với nước ấm. Hũ thuỷ tinh 50 g.",
      },
      {
        key: "c-tra-la-sam-ngoc-linh",
        name: "Trà túi lọc lá sâm Ngọc Linh",
        group: "herbal",
        unit: "hộp",
        priceVnd: 450_000,
        stock: 90,
        weightGrams: 120,
        description:
          "Lá và hoa sâm Ngọc Linh được sấy lạnh, nghiền vừa và đóng túi lọc tiện dụng. Nước trà vàng nhạt, hậu ngọt, hương thơm đặc trưng của sâm. Hộp 20 túi lọc, mỗi túi 2 g.",
      },
    ],
    certificates: [
      { number: "DEMO-418/QĐ-BNNMT", stars: 5, score: 93, monthsAgo: 16, products: ["c-sam-ngoc-linh-tuoi", "c-cao-sam-ngoc-linh"] },
      { number: "DEMO-1735/QĐ-UBND", stars: 4, score: 72, monthsAgo: 3, products: ["c-tra-la-sam-ngoc-linh"] },
    ],
  },
  {
    key: "c-htx-ruou-bau-da",
    name: "Hợp tác xã Sản xuất Rượu Bàu Đá Cửu Thành",
    entityType: "cooperative",
    provinceCode: "52",
    wardCode: "21940",
    addressLine: "Thôn Cửu Thành",
    phone: "0914 273 865",
    story:
      "Làng Cửu Thành nổi tiếng với rượu Bàu Đá nấu từ gạo và men lá, chưng cất bằng nước giếng làng theo cách làm đã có từ thời Tây Sơn. Hợp tác xã chuẩn hoá quy trình lọc độc tố andehit nhưng vẫn giữ nồi đồng và bếp củi truyền thống. Rượu được hạ thổ trong chum sành ít nhất sáu tháng trước khi đóng chai.",
    products: [
      {
        key: "c-ruou-bau-da-chai",
        name: "Rượu Bàu Đá 40 độ",
        group: "beverage",
        unit: "chai",
        priceVnd: 120_000,
        stock: 250,
        weightGrams: 900,
        description:
          "Rượu Bàu Đá là đặc sản đất võ Bình Định, trong vắt, thơm mùi gạo và men lá, uống êm và không gây nhức đầu. Nồng độ 40 độ, đã qua lọc andehit. Chai thuỷ tinh 500 ml.",
      },
      {
        key: "c-ruou-bau-da-binh-gom",
        name: "Rượu Bàu Đá bình gốm quà biếu",
        group: "beverage",
        unit: "bình",
        priceVnd: 350_000,
        stock: 70,
        weightGrams: 2_000,
        description:
          "Rượu Bàu Đá hạ thổ một năm, đựng trong bình gốm vẽ tay dung tích 1 lít. Hương rượu êm, hậu ngọt, thích hợp biếu tặng dịp lễ Tết. Kèm hộp giấy cứng có quai xách.",
      },
    ],
    certificates: [
      { number: "DEMO-2209/QĐ-UBND", stars: 4, score: 82, monthsAgo: 25, products: ["c-ruou-bau-da-chai", "c-ruou-bau-da-binh-gom"] },
    ],
  },
  {
    key: "c-cty-yen-sao-phuc-an",
    name: "Công ty Cổ phần Yến sào Khánh Hoà Phúc An",
    entityType: "enterprise",
    provinceCode: "56",
    wardCode: "22366",
    addressLine: "Số 86 đường Trần Phú",
    phone: "0903 581 742",
    story:
      "Công ty khai thác và chế biến yến từ các hang đảo ven biển Khánh Hoà, với đội ngũ thợ lành nghề nhặt lông yến hoàn toàn bằng tay. Mỗi mẻ yến đều được kiểm nghiệm và gắn mã truy xuất nguồn gốc trước khi xuất xưởng. Công ty cam kết khai thác đúng mùa để bảo vệ đàn chim yến.",
    products: [
      {
        key: "c-yen-sao-tinh-che",
        name: "Yến sào Khánh Hoà tinh chế",
        group: "food",
        unit: "hộp",
        priceVnd: 4_200_000,
        stock: 25,
        weightGrams: 250,
        description:
          "Yến sào Khánh Hoà là đặc sản cao cấp của vùng biển Nha Trang, được làm sạch lông thủ công, giữ nguyên sợi yến dài và tự nhiên. Tổ yến nở đều, thơm mùi đặc trưng khi chưng cách thuỷ. Hộp 100 g kèm hướng dẫn chế biến.",
      },
      {
        key: "c-yen-tho-nguyen-to",
        name: "Yến thô nguyên tổ",
        group: "food",
        unit: "hộp",
        priceVnd: 2_600_000,
        stock: 0,
        weightGrams: 150,
        description:
          "Tổ yến hang nguyên bản, chưa qua làm sạch, dành cho khách muốn tự tay sơ chế để giữ trọn dưỡng chất. Tổ dày, chân chắc, ít lông. Hộp 50 g; hàng về theo mùa khai thác.",
      },
      {
        key: "c-nuoc-yen-chung-san",
        name: "Nước yến sào chưng sẵn đường phèn",
        group: "beverage",
        unit: "hộp",
        priceVnd: 210_000,
        stock: 320,
        weightGrams: 720,
        description:
          "Nước yến chưng cùng đường phèn theo công thức ít ngọt, sợi yến thật thấy rõ trong từng lọ. Tiện dùng ngay, ngon hơn khi uống lạnh. Hộp 6 lọ thuỷ tinh, mỗi lọ 70 ml.",
      },
    ],
    certificates: [
      { number: "DEMO-187/QĐ-BNNMT", stars: 5, score: 95, monthsAgo: 9, products: ["c-yen-sao-tinh-che", "c-yen-tho-nguyen-to"] },
      { number: "DEMO-1968/QĐ-UBND", stars: 4, score: 76, monthsAgo: 13, products: ["c-nuoc-yen-chung-san"] },
    ],
  },
  {
    key: "c-htx-ca-phe-ea-tul",
    name: "Hợp tác xã Nông nghiệp Cà phê Ea Tul",
    entityType: "cooperative",
    provinceCode: "66",
    wardCode: "24277",
    addressLine: "Buôn Ea Tul",
    phone: "0978 326 514",
    story:
      "Hợp tác xã gồm hơn một trăm hộ người Ê Đê và Kinh canh tác cà phê Robusta trên đất đỏ bazan Cư M'gar, xen canh hồ tiêu và sầu riêng. Cà phê chỉ hái quả chín đỏ, phơi trên giàn và rang mộc không tẩm ướp. Từ năm 2022, hợp tác xã đón khách đến trải nghiệm mùa thu hoạch cùng bà con trong buôn.",
    products: [
      {
        key: "c-ca-phe-robusta-bmt",
        name: "Cà phê Robusta Buôn Ma Thuột rang mộc",
        group: "beverage",
        unit: "gói",
        priceVnd: 160_000,
        stock: 480,
        weightGrams: 500,
        description:
          "Cà phê Robusta Buôn Ma Thuột hái chín 100%, rang mộc không pha trộn, vị đắng đậm, hậu ngọt và hương chocolate rõ nét. Phù hợp pha phin hoặc pha máy. Gói 500 g có van một chiều, chọn xay sẵn hoặc nguyên hạt.",
      },
      {
        key: "c-ho-tieu-den-dak-lak",
        name: "Hồ tiêu đen Đắk Lắk",
        group: "food",
        unit: "túi",
        priceVnd: 95_000,
        stock: 260,
        weightGrams: 500,
        description:
          "Hạt tiêu đen trồng xen trong vườn cà phê, thu hái khi chùm có hạt chín đỏ và phơi nắng tự nhiên. Hạt chắc, cay nồng, thơm lâu. Túi zip 500 g.",
      },
      {
        key: "c-tour-lang-ca-phe-bmt",
        name: "Tour trải nghiệm làng cà phê Buôn Ma Thuột",
        group: "tourism",
        unit: "vé",
        priceVnd: 350_000,
        stock: 40,
        weightGrams: 0,
        description:
          "Nửa ngày cùng nông dân hái cà phê, phơi hạt và tự tay rang xay một mẻ cà phê mang về. Khách được thưởng thức cơm lam, gà nướng và nghe cồng chiêng tại nhà dài Ê Đê. Vé gồm hướng dẫn viên, bữa trưa và 250 g cà phê quà tặng.",
      },
    ],
    certificates: [
      { number: "DEMO-305/QĐ-BNNMT", stars: 5, score: 91, monthsAgo: 20, products: ["c-ca-phe-robusta-bmt"] },
      { number: "DEMO-2584/QĐ-UBND", stars: 3, score: 68, monthsAgo: 7, products: ["c-ho-tieu-den-dak-lak", "c-tour-lang-ca-phe-bmt"] },
    ],
  },
  {
    key: "c-tht-banh-trang-hoa-da",
    name: "Tổ hợp tác Bánh tráng Hoà Đa",
    entityType: "cooperative_group",
    provinceCode: "66",
    wardCode: "22120",
    addressLine: "Thôn Hoà Đa",
    phone: "0387 615 923",
    story:
      "Tổ hợp tác gồm mười hai hộ làm bánh tráng ở làng nghề Hoà Đa, vùng đất trước đây thuộc tỉnh Phú Yên. Bột gạo được xay từ gạo mới, tráng mỏng trên nồi hơi rồi phơi trên giàn tre dọc đường làng. Các hộ đang cùng nhau làm hồ sơ để đưa sản phẩm lên sàn thương mại điện tử.",
    verification: "pending",
    products: [
      {
        key: "c-banh-trang-hoa-da",
        name: "Bánh tráng Hoà Đa",
        group: "food",
        unit: "gói",
        priceVnd: 40_000,
        stock: 150,
        weightGrams: 500,
        description:
          "Bánh tráng Hoà Đa mỏng, dai, có mùi thơm của gạo và được phơi nắng tự nhiên. Dùng cuốn cá ngừ, thịt luộc hay gỏi đều ngon mà không cần nhúng nước nhiều. Gói 500 g khoảng 25 chiếc.",
      },
      {
        key: "c-banh-trang-me-den",
        name: "Bánh tráng nướng mè đen",
        group: "food",
        unit: "gói",
        priceVnd: 30_000,
        stock: 110,
        weightGrams: 300,
        description:
          "Bánh tráng pha mè đen và chút muối, phơi khô để khi nướng trên than phồng giòn và thơm bùi. Ăn kèm gỏi, hến xào hoặc bẻ ăn vặt. Gói 10 chiếc.",
      },
    ],
    certificates: [
      { number: "DEMO-3057/QĐ-UBND", stars: 3, score: 59, monthsAgo: 5, products: ["c-banh-trang-hoa-da", "c-banh-trang-me-den"] },
    ],
  },
  {
    key: "c-htx-xuan-truong-da-lat",
    name: "Hợp tác xã Nông nghiệp Công nghệ cao Xuân Trường",
    entityType: "cooperative",
    provinceCode: "68",
    wardCode: "24805",
    addressLine: "Thôn Trường Sơn, Cầu Đất",
    phone: "0917 452 318",
    story:
      "Ở độ cao 1.500 mét trên cao nguyên Cầu Đất, hợp tác xã trồng cà phê Arabica dưới tán thông, atiso và lan hồ điệp trong nhà kính. Khí hậu mát lạnh quanh năm giúp trái cà phê chín chậm, tích tụ nhiều hương vị. Hợp tác xã áp dụng tưới nhỏ giọt và phân hữu cơ vi sinh trên toàn bộ diện tích.",
    products: [
      {
        key: "c-ca-phe-arabica-cau-dat",
        name: "Cà phê Arabica Cầu Đất",
        group: "beverage",
        unit: "gói",
        priceVnd: 240_000,
        stock: 200,
        weightGrams: 500,
        description:
          "Cà phê Arabica là đặc sản của vùng Cầu Đất – Đà Lạt, sơ chế ướt và rang mức vừa để giữ vị chua thanh, hương hoa quả và hậu ngọt. Thích hợp pha pour-over, cold brew hoặc pha phin nhẹ. Gói 500 g nguyên hạt.",
      },
      {
        key: "c-tra-atiso-da-lat",
        name: "Trà atiso Đà Lạt túi lọc",
        group: "herbal",
        unit: "hộp",
        priceVnd: 85_000,
        stock: 350,
        weightGrams: 150,
        description:
          "Bông, thân và rễ atiso Đà Lạt được thái mỏng, sấy lạnh rồi phối trộn theo tỉ lệ truyền thống. Nước trà màu vàng nâu, vị ngọt dịu, giúp thanh nhiệt và mát gan. Hộp 50 túi lọc.",
      },
      {
        key: "c-lan-ho-diep-da-lat",
        name: "Lan hồ điệp Đà Lạt chậu 3 cành",
        group: "ornamental",
        unit: "chậu",
        priceVnd: 1_200_000,
        stock: 35,
        weightGrams: 4_000,
        description:
          "Chậu lan hồ điệp ba cành được trồng trong nhà kính ở Đà Lạt, hoa to, bền màu và có thể nở từ hai đến ba tháng. Chậu sứ trắng cắm sẵn rêu và dây kẽm tạo dáng, phù hợp chưng Tết hoặc khai trương. Giao trong nội thành và vận chuyển xe lạnh đi các tỉnh.",
      },
    ],
    certificates: [
      { number: "DEMO-1420/QĐ-UBND", stars: 4, score: 86, monthsAgo: 11, products: ["c-ca-phe-arabica-cau-dat", "c-tra-atiso-da-lat"] },
      { number: "DEMO-2933/QĐ-UBND", stars: 3, score: 67, monthsAgo: 28, products: ["c-lan-ho-diep-da-lat"] },
    ],
  },
  {
    key: "c-cty-nuoc-mam-phan-thiet",
    name: "Công ty TNHH Nước mắm Hải Âu Phan Thiết",
    entityType: "enterprise",
    provinceCode: "68",
    wardCode: "22945",
    addressLine: "Số 45 đường Lê Lợi",
    phone: "0908 736 154",
    story:
      "Công ty kế thừa nhà thùng ủ chượp hơn sáu mươi năm tuổi của gia đình ở Phan Thiết, vùng đất trước đây thuộc tỉnh Bình Thuận. Cá cơm tươi được ướp muối ngay trên tàu theo tỉ lệ ba cá một muối, rồi ủ trong thùng gỗ bời lời từ mười hai đến mười tám tháng. Nước mắm chỉ rút từ mẻ nhĩ đầu, không pha hương liệu hay chất bảo quản.",
    products: [
      {
        key: "c-nuoc-mam-phan-thiet-40",
        name: "Nước mắm cá cơm Phan Thiết 40 độ đạm",
        group: "food",
        unit: "chai",
        priceVnd: 85_000,
        stock: 420,
        weightGrams: 750,
        description:
          "Nước mắm truyền thống ủ chượp trong thùng gỗ, màu cánh gián, vị mặn mòi và hậu ngọt sâu. Độ đạm 40 °N, thích hợp chấm trực tiếp hoặc nêm nếm món ăn hằng ngày. Chai thuỷ tinh 500 ml.",
      },
      {
        key: "c-nuoc-mam-nhi-phan-thiet",
        name: "Nước mắm nhĩ cá cơm Phan Thiết hộp quà",
        group: "food",
        unit: "hộp",
        priceVnd: 320_000,
        stock: 90,
        weightGrams: 1_600,
        description:
          "Những giọt nhĩ đầu tiên rút từ thùng chượp ủ 18 tháng, độ đạm 45 °N, thơm nồng mà không gắt. Hộp quà gồm hai chai thuỷ tinh 500 ml kèm chén chấm gốm. Món quà biếu Tết được nhiều gia đình ưa chuộng.",
      },
      {
        key: "c-thanh-long-say-deo",
        name: "Thanh long ruột đỏ sấy dẻo Bình Thuận",
        group: "food",
        unit: "túi",
        priceVnd: 65_000,
        stock: 140,
        weightGrams: 250,
        description:
          "Thanh long ruột đỏ trồng ở Hàm Thuận Bắc được thái lát và sấy ở nhiệt độ thấp, giữ màu đỏ tím tự nhiên và vị ngọt thanh. Không thêm đường, không phẩm màu. Túi zip 200 g.",
      },
    ],
    certificates: [
      {
        number: "DEMO-1611/QĐ-UBND",
        stars: 4,
        score: 80,
        monthsAgo: 15,
        products: ["c-nuoc-mam-phan-thiet-40", "c-nuoc-mam-nhi-phan-thiet"],
      },
    ],
  },
];
