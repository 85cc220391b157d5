DROP INDEX `products_public_stars_idx`;--> statement-breakpoint
CREATE INDEX `products_badge_certificate_idx` ON `products` (`badge_certificate_id`);--> statement-breakpoint
CREATE INDEX `products_public_stars_idx` ON `products` (`status`,`producer_verified`,`badge_stars`,`published_at`);--> statement-breakpoint
CREATE INDEX `certificates_decision_idx` ON `certificates` (`decision_date`);