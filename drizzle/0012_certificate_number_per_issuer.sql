-- Before this index, one issuer's number could be recorded twice (the demo seed itself gave two producers
-- DEMO-418/QĐ-BNNMT). A demo certificate repeating an earlier one's number takes its id as a suffix so
-- the index can be built; real certificates are left untouched: a repeated real number stops this
-- migration, for staff to settle which decision the number belongs to, rather than being renamed here.
UPDATE `certificates` SET `number` = `number` || '-' || `id`
WHERE `is_demo` = 1 AND EXISTS (
	SELECT 1 FROM `certificates` AS earlier
	WHERE earlier.`id` < `certificates`.`id` AND earlier.`number` = `certificates`.`number`
		AND earlier.`issuer_level` = `certificates`.`issuer_level`
		AND earlier.`issuer_province_code` IS `certificates`.`issuer_province_code`
);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_issuer_number_idx` ON `certificates` (`issuer_level`,CASE WHEN "issuer_province_code" IS NULL THEN '' ELSE "issuer_province_code" END,`number`);