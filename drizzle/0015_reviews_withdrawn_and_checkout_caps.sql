ALTER TABLE `orders` ADD `client_key` text;--> statement-breakpoint
CREATE INDEX `orders_unpaid_phone_idx` ON `orders` (`phone`) WHERE "orders"."payment_status" = 'unpaid';--> statement-breakpoint
CREATE INDEX `orders_unpaid_client_idx` ON `orders` (`client_key`) WHERE "orders"."payment_status" = 'unpaid';--> statement-breakpoint
ALTER TABLE `reviews` ADD `withdrawn_at` integer;