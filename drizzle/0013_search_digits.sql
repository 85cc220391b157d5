-- Search splits letters from digits (ADR 0002): "ST25", "ST 25" and "st25" are all the words "st 25".
-- productSearchText does it for products written from now on; this does it for those written before.
-- Their text is already folded, so digits are 0-9: each run of them gets a space on either side.
UPDATE `products` SET `search_text` = trim(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(search_text, '0', char(1) || '0' || char(1)), '1', char(1) || '1' || char(1)), '2', char(1) || '2' || char(1)), '3', char(1) || '3' || char(1)), '4', char(1) || '4' || char(1)), '5', char(1) || '5' || char(1)), '6', char(1) || '6' || char(1)), '7', char(1) || '7' || char(1)), '8', char(1) || '8' || char(1)), '9', char(1) || '9' || char(1)), char(1) || char(1), ''), char(1), ' '), '  ', ' '), '  ', ' '))
WHERE instr(`search_text`, char(10)) = 0 AND `search_text` GLOB '*[0-9]*';
