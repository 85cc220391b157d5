import { describe, expect, it } from "vitest";
import { cspRefusals, signInAs } from "../setup/browser";
import { expectNoHorizontalScroll } from "../setup/page-checks";
import { useServerAndBrowser } from "../setup/e2e";

/**
 * Issue 20's journey on a 360 px phone, with JavaScript off and on: a shopper asks on the product
 * page, the producer finds the question from its portal's home and answers it, and the answer shows
 * on the product page for a visitor who is not signed in.
 */
const app = useServerAndBrowser();

describe("questions and answers in the browser", () => {
  for (const javaScript of [false, true]) {
    it(`a shopper asks, the producer answers, everyone reads it, JavaScript ${javaScript ? "on" : "off"}`, async () => {
      // A product of producer@demo.local's cooperative of its own for each run.
      const product = app.server.db
        .prepare(
          `SELECT p.slug FROM products p JOIN producers pr ON pr.id = p.producer_id JOIN users u ON u.id = pr.owner_user_id
           WHERE u.email = 'producer@demo.local' AND p.status = 'live' AND p.producer_verified = 1 ORDER BY p.id LIMIT 1 OFFSET ?`,
        )
        .get(javaScript ? 2 : 1) as { slug: string };
      const question = javaScript ? "Hộp 500 g dùng được bao lâu ạ?" : "Có giao hàng ra Hải Phòng không ạ?";
      const answer = javaScript ? "Dạ, chưa mở thì 12 tháng, đã mở nên dùng trong 3 tháng ạ." : "Dạ có, gửi bưu điện khoảng 3 ngày là tới ạ.";

      const shopper = await app.newContext({ javaScriptEnabled: javaScript });
      const refusals = cspRefusals(shopper);
      const asking = await shopper.newPage();
      await signInAs(asking, app.server.url, "shopper@demo.local");
      await asking.goto(`${app.server.url}/products/${product.slug}`);
      const section = asking.getByRole("region", { name: "Hỏi đáp" });
      // Sent empty: the message comes back by the field.
      await section.getByRole("button", { name: "Gửi câu hỏi" }).click();
      await asking.getByText("Hãy viết câu hỏi.").waitFor();
      expect(await asking.getByLabel("Câu hỏi của bạn").getAttribute("aria-invalid")).toBe("true");
      await asking.getByLabel("Câu hỏi của bạn").fill(question);
      await asking.getByRole("button", { name: "Gửi câu hỏi" }).click();
      await asking.getByText("Đã gửi câu hỏi.").waitFor();
      const mine = asking.locator("[data-question-waiting]", { hasText: question });
      await mine.getByText("Đang chờ nhà sản xuất trả lời").waitFor();
      // The box is empty again for a next question.
      expect(await asking.getByLabel("Câu hỏi của bạn").inputValue()).toBe("");
      await expectNoHorizontalScroll(asking);

      const producer = await app.newContext({ javaScriptEnabled: javaScript });
      const portal = await producer.newPage();
      await signInAs(portal, app.server.url, "producer@demo.local");
      await portal.goto(`${app.server.url}/seller`);
      // The home's card says questions wait; it leads to them.
      await portal.getByRole("link", { name: /Hỏi đáp \d+ câu hỏi chờ/ }).click();
      await portal.getByRole("heading", { level: 1, name: "Hỏi đáp" }).waitFor();
      const item = portal.locator("li", { hasText: question });
      await item.getByLabel("Câu trả lời của bạn").fill(answer);
      await item.getByRole("button", { name: "Gửi câu trả lời" }).click();
      await portal.getByText("Đã gửi câu trả lời.").waitFor();
      await portal.locator("#answered").waitFor();
      expect(await portal.locator("section", { has: portal.locator("#answered") }).innerText()).toContain(answer);
      await expectNoHorizontalScroll(portal);

      const guest = await app.newContext({ javaScriptEnabled: javaScript });
      const reading = await guest.newPage();
      await reading.goto(`${app.server.url}/products/${product.slug}`);
      const answered = reading.locator("[data-question]", { hasText: question });
      await answered.getByText(answer).waitFor();
      await reading.getByRole("link", { name: "Đăng nhập để đặt câu hỏi" }).waitFor();

      // The asker sees it answered, no longer waiting.
      await asking.reload();
      await asking.locator("[data-question]", { hasText: question }).getByText(answer).waitFor();
      expect(await asking.locator("[data-question-waiting]", { hasText: question }).count()).toBe(0);
      expect(refusals).toEqual([]);
      for (const context of [shopper, producer, guest]) await context.close();
    });
  }
});
