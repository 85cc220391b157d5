CREATE TABLE `reconciliation_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`fetched` integer DEFAULT 0 NOT NULL,
	`found` integer DEFAULT 0 NOT NULL,
	`applied` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `reconciliation_runs_provider_idx` ON `reconciliation_runs` (`provider`,`started_at`);--> statement-breakpoint
DROP INDEX `bank_transfers_transaction_id_unique`;--> statement-breakpoint
ALTER TABLE `bank_transfers` ADD `provider` text DEFAULT 'bank' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `bank_transfers_provider_transaction_idx` ON `bank_transfers` (`provider`,`transaction_id`);