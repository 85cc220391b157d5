ALTER TABLE `products` ADD `held_at` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `held_reason` text;--> statement-breakpoint
ALTER TABLE `products` ADD `hold_review_requested_at` integer;--> statement-breakpoint
-- Listings staff hid before holds existed (status 'hidden', the last staff word a hide, no producer
-- change since) become held, on the status they had before the hide.
UPDATE `products` SET
	`held_at` = h.created_at,
	`held_reason` = coalesce(json_extract(h.after, '$.note'), ''),
	`status` = coalesce(json_extract(h.before, '$.status'), 'live')
FROM (
	SELECT a.subject_id, a.action, a.created_at, a.before, a.after,
		row_number() OVER (PARTITION BY a.subject_id ORDER BY a.created_at DESC, a.id DESC) AS rn
	FROM `staff_audit` a
	WHERE a.subject_type = 'product' AND a.action IN ('listing.hide', 'listing.restore')
) AS h
WHERE h.rn = 1 AND h.action = 'listing.hide' AND h.subject_id = CAST(`products`.`id` AS TEXT)
	AND `products`.`status` = 'hidden' AND coalesce(`products`.`updated_at`, 0) <= h.created_at;
