CREATE TABLE `product_questions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`product_id` integer NOT NULL,
	`asker_user_id` integer NOT NULL,
	`body` text NOT NULL,
	`answer` text,
	`answered_by_user_id` integer,
	`answered_at` integer,
	`answer_edited_at` integer,
	`hidden_at` integer,
	`hidden_by_user_id` integer,
	`hidden_reason` text,
	`reports_cleared_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`asker_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hidden_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "product_questions_body" CHECK(length(trim("product_questions"."body")) BETWEEN 1 AND 500),
	CONSTRAINT "product_questions_answer" CHECK("product_questions"."answer" IS NULL OR length(trim("product_questions"."answer")) BETWEEN 1 AND 2000),
	CONSTRAINT "product_questions_answered" CHECK(("product_questions"."answer" IS NULL) = ("product_questions"."answered_at" IS NULL) AND ("product_questions"."answer" IS NULL) = ("product_questions"."answered_by_user_id" IS NULL)),
	CONSTRAINT "product_questions_hidden" CHECK(("product_questions"."hidden_at" IS NULL) = ("product_questions"."hidden_by_user_id" IS NULL) AND ("product_questions"."hidden_at" IS NULL) = ("product_questions"."hidden_reason" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `product_questions_page_idx` ON `product_questions` (`product_id`,`answered_at`) WHERE "product_questions"."answered_at" IS NOT NULL AND "product_questions"."hidden_at" IS NULL;--> statement-breakpoint
CREATE INDEX `product_questions_product_idx` ON `product_questions` (`product_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `product_questions_asker_idx` ON `product_questions` (`asker_user_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `question_reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` integer NOT NULL,
	`reporter_user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `product_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reporter_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "question_reports_reason" CHECK("question_reports"."reason" IN ('spam', 'offensive', 'wrong', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `question_reports_once_idx` ON `question_reports` (`question_id`,`reporter_user_id`);--> statement-breakpoint
CREATE INDEX `question_reports_created_idx` ON `question_reports` (`created_at`);