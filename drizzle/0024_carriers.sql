CREATE TABLE `carrier_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`carrier` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`shipment_id` integer,
	`waybill` text,
	`carrier_status` text NOT NULL,
	`state` text NOT NULL,
	`description` text,
	`location` text,
	`occurred_at` integer NOT NULL,
	`received_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`payload` text NOT NULL,
	FOREIGN KEY (`shipment_id`) REFERENCES `shipments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carrier_events_dedupe_idx` ON `carrier_events` (`carrier`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `carrier_events_shipment_idx` ON `carrier_events` (`shipment_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `producer_carriers` (
	`producer_id` integer NOT NULL,
	`carrier` text NOT NULL,
	`is_default` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`producer_id`, `carrier`),
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `producer_pickup_addresses` (
	`producer_id` integer PRIMARY KEY NOT NULL,
	`contact_name` text NOT NULL,
	`phone` text NOT NULL,
	`province_code` text NOT NULL,
	`ward_code` text NOT NULL,
	`address_line` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ward_code`) REFERENCES `wards`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `shipments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`part_id` integer NOT NULL,
	`producer_id` integer NOT NULL,
	`carrier` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`status` text NOT NULL,
	`waybill` text,
	`fee_vnd` integer,
	`weight_grams` integer NOT NULL,
	`length_cm` integer NOT NULL,
	`width_cm` integer NOT NULL,
	`height_cm` integer NOT NULL,
	`expected_delivery_at` integer,
	`tracking_state` text DEFAULT 'booked' NOT NULL,
	`carrier_status` text,
	`last_moved_at` integer NOT NULL,
	`error` text,
	`booked_by_user_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`part_id`) REFERENCES `order_parts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`producer_id`) REFERENCES `producers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booked_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_idempotency_key_unique` ON `shipments` (`idempotency_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_live_part_idx` ON `shipments` (`part_id`) WHERE "shipments"."status" IN ('booking', 'booked');--> statement-breakpoint
CREATE UNIQUE INDEX `shipments_carrier_waybill_idx` ON `shipments` (`carrier`,`waybill`);--> statement-breakpoint
CREATE INDEX `shipments_moved_idx` ON `shipments` (`status`,`last_moved_at`);--> statement-breakpoint
ALTER TABLE `order_parts` ADD `quoted_carrier` text;--> statement-breakpoint
ALTER TABLE `order_parts` ADD `expected_delivery_at` integer;