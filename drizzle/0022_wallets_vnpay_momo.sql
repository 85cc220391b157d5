ALTER TABLE `payment_links` ADD `provider_reference` text;--> statement-breakpoint
ALTER TABLE `refunds` ADD `provider_refund_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `refunds_provider_refund_id_unique` ON `refunds` (`provider_refund_id`);