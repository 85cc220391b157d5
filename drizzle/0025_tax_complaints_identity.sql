CREATE TABLE `complaint_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`file` text NOT NULL,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaint_photos_complaint_idx` ON `complaint_photos` (`complaint_id`,`position`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`part_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`buyer_user_id` integer,
	`status` text DEFAULT 'awaiting_producer' NOT NULL,
	`reason` text NOT NULL,
	`description` text NOT NULL,
	`answer_due_at` integer NOT NULL,
	`producer_answer` text,
	`producer_note` text,
	`answered_at` integer,
	`escalated_at` integer,
	`staff_decision` text,
	`staff_note` text,
	`decided_by` integer,
	`decided_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`buyer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_part_id_unique` ON `complaints` (`part_id`);--> statement-breakpoint
CREATE INDEX `complaints_producer_idx` ON `complaints` (`producer_id`,`status`);--> statement-breakpoint
CREATE INDEX `complaints_status_due_idx` ON `complaints` (`status`,`answer_due_at`);--> statement-breakpoint
CREATE INDEX `complaints_created_idx` ON `complaints` (`created_at`);--> statement-breakpoint
CREATE TABLE `policy_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic` text NOT NULL,
	`version` integer NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text NOT NULL,
	`body_vi` text NOT NULL,
	`body_en` text NOT NULL,
	`edited_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `policy_versions_topic_version_idx` ON `policy_versions` (`topic`,`version`);--> statement-breakpoint
ALTER TABLE `ledger_entries` ADD `tax_base_vnd` integer;--> statement-breakpoint
CREATE INDEX `ledger_account_time_idx` ON `ledger_entries` (`account`,`created_at`);--> statement-breakpoint
ALTER TABLE `producers` ADD `legal_name` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `tax_code` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `tax_residency` text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_method` text;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_checked_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_checked_at` integer;--> statement-breakpoint
ALTER TABLE `producers` ADD `identity_note` text;--> statement-breakpoint
-- hand-written below
-- Product and producer pages link the platform's policies: a new version moves the page cache on (ADR 0021).
CREATE TRIGGER `page_generation_policy_versions_insert` AFTER INSERT ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_policy_versions_update` AFTER UPDATE ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `page_generation_policy_versions_delete` AFTER DELETE ON `policy_versions` BEGIN UPDATE `page_generation` SET `value` = `value` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
-- The first version of each policy page (central staff edit them at /staff/policies; every edit is a new version).
INSERT INTO `policy_versions` (`topic`, `version`, `title_vi`, `title_en`, `body_vi`, `body_en`) VALUES
('delivery', 1, 'Chính sách giao hàng', 'Delivery policy',
 'Mỗi nhà sản xuất giao phần đơn của mình qua đơn vị vận chuyển, với mã vận đơn hiện trên trang đơn hàng. Phí giao hàng tính theo từng nhà sản xuất: cùng tỉnh 20.000 ₫, cùng miền 30.000 ₫, nơi khác 40.000 ₫, thêm 5.000 ₫ cho mỗi kg bắt đầu trên 2 kg.',
 'Each producer ships its part of the order through a carrier, with the tracking number on the order page. Shipping is charged per producer: same province 20,000 ₫, same region 30,000 ₫, elsewhere 40,000 ₫, plus 5,000 ₫ per started kg above 2 kg.'),
('returns', 1, 'Chính sách đổi trả, hoàn tiền', 'Returns and refunds policy',
 'Trong 7 ngày sau khi nhận hàng, người mua có thể khiếu nại hàng hư hỏng, giao sai, thiếu hoặc không đúng mô tả. Nhà sản xuất hoàn tiền, hoặc nhận lại hàng rồi hoàn tiền. Tiền được hoàn về đúng cách đã thanh toán.',
 'Within 7 days of delivery the buyer may complain about goods that are damaged, wrong, missing or not as described. The producer refunds, or takes the goods back and then refunds. Money goes back the way it was paid.'),
('complaints', 1, 'Chính sách giải quyết khiếu nại', 'Complaints policy',
 'Người mua gửi khiếu nại trên trang đơn hàng, kèm lý do, mô tả và tối đa 5 ảnh. Nhà sản xuất trả lời trong 48 giờ. Nếu nhà sản xuất từ chối hoặc không trả lời, cán bộ tỉnh xem xét và quyết định. Trong thời gian khiếu nại, khoản tiền của nhà sản xuất cho phần đơn đó được tạm giữ.',
 'The buyer complains on the order page, with a reason, a description and up to 5 photos. The producer answers within 48 hours. If it rejects the complaint or does not answer, provincial staff review it and decide. While a complaint is open, the producer''s money for that part is held.');
