CREATE INDEX `certificates_decision_idx` ON `certificates` (`decision_date`);--> statement-breakpoint
CREATE INDEX `products_badge_certificate_idx` ON `products` (`badge_certificate_id`);