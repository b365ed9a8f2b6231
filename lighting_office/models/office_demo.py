import base64
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError


class LightingOfficeDemo(models.AbstractModel):
    """The demo month of 华东办事处, made by walking the README's flows as the
    demo users (each step `with_user`, as a client would): a flow that a demo
    role cannot walk fails the demo install, and so `make test`'s first step."""

    _name = "lighting.office.demo"
    _description = "Lighting Office Demo Month"

    @api.model
    def _walk_office_month(self):
        # Odoo gives a new branch its share of the chart of accounts (receivable, income
        # accounts) in a pre-commit hook; the offices' invoices below need it now.
        self.env.cr.precommit.run()
        self._archive_odoo_demo()
        self._walk_sales()
        self._walk_execution()
        self._walk_aftersales()
        self._walk_expense()
        self._post_overdue_invoices()
        self._walk_budget()
        self._walk_filing()
        self._walk_solutions()
        self._walk_documents()
        self._walk_vehicles_and_trips()
        self._walk_meetings()

    def _archive_odoo_demo(self):
        """Odoo's own demo customers and furniture (Deco Addict, Azure Interior, Office chairs…) are
        archived: offices see their head office's records, so moving them to head office would not
        keep them out of the offices' customer and product lists. Its documents stay head office's."""
        data = self.env["ir.model.data"]
        kept_partners = (
            self.env["res.users"].with_context(active_test=False).search([]).partner_id
            | self.env["res.company"].search([]).partner_id
        )
        own_partners = data.search([("module", "=", "lighting_office"), ("model", "=", "res.partner")]).mapped("res_id")
        self.env["res.partner"].search(
            [
                ("id", "not in", kept_partners.ids + own_partners),
                "|",
                ("company_id", "=", False),
                ("company_id", "=", self.env.ref("base.main_company").id),
            ]
        ).action_archive()
        furniture = data.search(
            [
                ("module", "in", ("product", "sale", "stock", "repair")),
                ("model", "=", "product.template"),
            ]
        )
        self.env["product.template"].browse(furniture.mapped("res_id")).filtered(
            lambda template: (
                not template.can_be_expensed and template != self.env.ref("sale.advance_product_0").product_tmpl_id
            )
        ).action_archive()

    def _user(self, xmlid):
        return self.env.ref(f"lighting_office.{xmlid}")

    def _walk_sales(self):
        """R3.1.2-R3.1.4: the manager logs a contact; quotations go to review."""
        manager = self._user("user_hd_manager")
        lead = self.env.ref("lighting_office.lead_school").with_user(manager)
        self.env["lighting.contact.log"].with_user(manager).create(
            {
                "lead_id": lead.id,
                "channel": "phone",
                "user_id": manager.id,
                "summary": "与后勤处电话沟通,确认暑假期间施工,需提供护眼灯检测报告。",
                "next_step": "下周上门演示样灯",
            }
        )
        # demo content, written in Chinese as the demo office would
        lead.message_post(body="已安排暑期施工窗口,请销售尽快提交方案。", message_type="comment")  # pylint: disable=translation-required
        for xmlid in ("order_school", "order_mall"):
            self.env.ref(f"lighting_office.{xmlid}").with_user(self._user("user_hd_sales")).request_validation()

    def _walk_execution(self):
        """R3.1.4-R3.2.3: approved, confirmed and signed orders; their jobs handed over."""
        sales, manager = self._user("user_hd_sales"), self._user("user_hd_manager")
        support, aftersales = self._user("user_hd_support"), self._user("user_hd_aftersales")
        for xmlid, acknowledged in (("order_hotel", True), ("order_office_tower", False)):
            order = self.env.ref(f"lighting_office.{xmlid}").with_user(sales)
            order.request_validation()
            order.with_user(manager).validate_tier()
            order.action_confirm()
            order.write(
                {
                    "signed_contract": base64.b64encode(b"%PDF-1.4 signed contract"),
                    "signed_contract_name": f"{order.name}.pdf",
                }
            )
            order.action_mark_signed()
            job = order.install_job_ids.with_user(manager)
            job.write(
                {
                    "user_id": aftersales.id,
                    "planned_date": fields.Datetime.now() + timedelta(days=3 if acknowledged else 12),
                }
            )
            handover = (
                self.env["lighting.tech.handover"]
                .with_user(support)
                .create(
                    {
                        "install_job_id": job.id,
                        "support_user_id": support.id,
                        "summary": "<p>吊顶内预留检修口,驱动电源集中安装于弱电间。</p>",
                        "line_ids": [
                            Command.create({"kind": "requirement", "name": "筒灯开孔 Φ150 mm,距墙不小于 300 mm"}),
                            Command.create({"kind": "commissioning", "name": "DALI 地址分配后逐回路调光测试"}),
                            Command.create({"kind": "precaution", "name": "高空作业系安全带,断电后接线"}),
                        ],
                    }
                )
            )
            handover.action_hand_over()
            if acknowledged:
                handover.with_user(aftersales).action_acknowledge()

    def _walk_aftersales(self):
        """R3.3.1-R3.3.2: on-site service planned; a returned floodlight fails its first test."""
        aftersales = self._user("user_hd_aftersales")
        flicker = self.env.ref("lighting_office.ticket_feedback_flicker").with_user(aftersales)
        flicker.write({"visit_date": fields.Datetime.now() + timedelta(days=1), "visit_user_id": aftersales.id})
        flicker.action_decide_on_site()
        ticket = self.env.ref("lighting_office.ticket_feedback_highbay").with_user(aftersales)
        ticket.action_decide_return()
        ticket.return_picking_id.button_validate()
        repair = ticket.repair_ids
        repair.action_validate()
        repair.action_repair_start()
        repair.write(
            {
                "lighting_diagnosis": "<p>驱动电源输出电容鼓包,灯珠正常。</p>",
                "lighting_step_ids": [Command.create({"description": "拆灯检查驱动与灯板"})],
            }
        )
        self.env["lighting.repair.test"].with_user(aftersales).create(
            {
                "repair_id": repair.id,
                "tests_done": "老化 4 小时,满功率点亮",
                "measured_results": "运行 40 分钟后熄灭,输出电压跌落至 0 V",
                "result": "failed",
            }
        )

    def _walk_expense(self):
        """R4.2.1: a claim with its receipt, reviewed by the office and finally approved by HQ Finance."""
        sales, manager, finance = (self._user(x) for x in ("user_hd_sales", "user_hd_manager", "user_hq_finance"))
        employee = self.env.ref("lighting_office.employee_hd_sales")
        expense = (
            self.env["hr.expense"]
            .with_user(sales)
            .create(
                {
                    "name": "苏州实验学校现场勘察高铁票",
                    "employee_id": employee.id,
                    "product_id": self.env.ref("lighting_office.product_expense_travel").id,
                    "total_amount_currency": 236.0,
                    "company_id": employee.company_id.id,
                    "date": fields.Date.context_today(self) - timedelta(days=6),
                }
            )
        )
        self.env["ir.attachment"].with_user(sales).create(
            {
                "name": "高铁票.pdf",
                "datas": base64.b64encode(b"%PDF-1.4 ticket"),
                "res_model": "hr.expense",
                "res_id": expense.id,
            }
        )
        sheet = (
            self.env["hr.expense.sheet"]
            .with_user(sales)
            .create(
                {
                    "name": "苏州出差报销",
                    "employee_id": employee.id,
                    "company_id": employee.company_id.id,
                    "expense_line_ids": [Command.set(expense.ids)],
                }
            )
        )
        sheet.action_submit_sheet()
        for reviewer in (manager, manager, finance):
            sheet.with_user(reviewer).validate_tier()
        if sheet.state != "approve":  # where HQ Finance's last Validate does not approve it by itself
            sheet.with_user(finance).action_approve_expense_sheets()
        if sheet.state != "approve":
            # stops the demo install (a developer reads it in the log), never shown to users
            raise UserError(f"{sheet.name}: HQ Finance could not give the final approval.")  # pylint: disable=translation-required

    def _post_overdue_invoices(self):
        """R3.1.6: posted customer invoices past their due date. Written by the accountant
        (this superuser environment), whose job no Lighting Office role has."""
        today = fields.Date.context_today(self)
        for office, partner, salesperson, product, qty, days in (
            ("office_east", "partner_hotel", "user_hd_sales", "product_downlight", 800, 12),
            ("office_east", "partner_mall", "user_hd_sales", "product_panel", 300, 45),
            ("office_east", "partner_school", "user_hd_sales", "product_panel", 120, 95),
            ("office_south", "partner_factory", "user_hn_sales", "product_highbay", 60, 20),
        ):
            company = self.env.ref(f"lighting_office.{office}")
            invoice = (
                self.env["account.move"]
                .with_company(company)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": self.env.ref(f"lighting_office.{partner}").id,
                        "invoice_user_id": self._user(salesperson).id,
                        "invoice_date": today - timedelta(days=days + 30),
                        "invoice_date_due": today - timedelta(days=days),
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": self.env.ref(f"lighting_office.{product}").id,
                                    "quantity": qty,
                                }
                            )
                        ],
                    }
                )
            )
            invoice.action_post()

    def _walk_budget(self):
        """R4.1.1-R4.1.2: the manager drafts the year's budget, HQ Finance approves, it is put in force."""
        manager, finance = self._user("user_hd_manager"), self._user("user_hq_finance")
        budget = self.env.ref("lighting_office.demo_budget_east").with_user(manager)
        first = fields.Date.context_today(self).replace(month=1, day=1)
        budget.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "category": category,
                            "amount": amount,
                            "name": name,
                            "date": first + relativedelta(months=month),
                        }
                    )
                    for month in range(12)
                    for category, amount, name in (
                        ("revenue", 420000 + 20000 * (month % 3), "工程项目销售"),
                        ("cost", 260000 + 12000 * (month % 3), "灯具及驱动采购成本"),
                        ("expense", 45000, "人员、差旅及展会费用"),
                    )
                ]
            }
        )
        budget.request_validation()
        budget.with_user(finance).validate_tier()
        budget.action_approve()

    def _walk_filing(self):
        """R3.1.4, R6.2.2: HQ Finance files the signed hotel contract; the office keeps its copy in the ledger."""
        order = self.env.ref("lighting_office.order_hotel")
        year = fields.Date.context_today(self).year
        self.env["lighting.contract.filing.wizard"].with_user(self._user("user_hq_finance")).create(
            {"sale_order_id": order.id, "filing_number": f"HQ-{year}-0001"}
        ).action_file()
        self.env["lighting.archive.file"].with_user(self._user("user_hd_manager")).create(
            {
                "name": f"{order.name} {order.partner_id.name} 销售合同(签字版)",
                "class_id": self.env.ref("lighting_office.document_class_con").id,
                "company_id": order.company_id.id,
                "location": "档案柜 B-2",
                "confidentiality": "confidential",
            }
        )

    def _walk_solutions(self):
        """R3.2.2: support designs the hotel's lighting, the manager reviews it, the customer accepts it;
        the mall's first version waits for the manager's review."""
        support, manager = self._user("user_hd_support"), self._user("user_hd_manager")
        solution = (
            self.env["lighting.solution"]
            .with_user(support)
            .create(
                {
                    "title": "酒店宴会厅及会议室照明方案",
                    "lead_id": self.env.ref("lighting_office.lead_hotel").id,
                    "company_id": self.env.ref("lighting_office.office_east").id,
                    "user_id": support.id,
                    "site_description": "三层宴会厅挑高 6 米，需分区调光；两间会议室兼作培训室。",
                    "budget": 180000,
                    "room_ids": [
                        Command.create(self._room("宴会厅", "room_meeting", 420, 6, "product_track_spot", 2600, 26)),
                        Command.create(self._room("第一会议室", "room_meeting", 60, 3, "product_panel", 3600, 36)),
                        Command.create(self._room("第二会议室", "room_meeting", 45, 3, "product_panel", 3600, 36)),
                    ],
                }
            )
        )
        solution.request_validation()
        solution.with_user(manager).validate_tier()
        solution.action_send()
        solution.write({"customer_feedback": "宴会厅调光分区满意，会议室色温改为 4000K 即可。"})
        solution.action_accept()
        self.env.ref("lighting_office.solution_mall_v1").with_user(support).request_validation()

    def _room(self, name, standard, area, height, product, flux, power):
        return {
            "name": name,
            "standard_id": self.env.ref(f"lighting_office.{standard}").id,
            "area": area,
            "ceiling_height": height,
            "product_id": self.env.ref(f"lighting_office.{product}").id,
            "luminaire_flux": flux,
            "luminaire_power": power,
        }

    def _walk_documents(self):
        """R6.2.1: each office's documents are reviewed by its manager and issued with their number;
        华南's rule is then filed in the archive ledger."""
        for office, author, manager, values in (
            (
                "office_east",
                "user_hd_sales",
                "user_hd_manager",
                {"name": "展厅样品借用管理办法", "document_type": "rule"},
            ),
            ("office_south", "user_hn_sales", "user_hn_manager", {"name": "客户拜访记录规范", "document_type": "rule"}),
        ):
            document = (
                self.env["lighting.document"]
                .with_user(self._user(author))
                .create(
                    {
                        **values,
                        "class_id": self.env.ref("lighting_office.document_class_adm").id,
                        "company_id": self.env.ref(f"lighting_office.{office}").id,
                        "body": "<p>经办事处经理审核后发布，全体人员遵照执行。</p>",
                    }
                )
            )
            document.request_validation()
            document.with_user(self._user(manager)).validate_tier()
            document.with_user(self._user(manager)).action_issue()
        document.with_user(self._user("user_hn_manager")).action_archive_document()
        notice = self.env.ref("lighting_office.demo_document_office_hours").with_user(self._user("user_hd_sales"))
        notice.request_validation()

    def _walk_vehicles_and_trips(self):
        """R6.4.1-R6.4.3: the van of 华东 is approved and out on its trip; 华南's van is booked for tomorrow;
        a day trip of 华东's support is approved and reported, a trip of 华南's sales is approved."""
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        hd_van = self.env.ref("lighting_office.demo_vehicle_hd_van")
        hn_van = self.env.ref("lighting_office.demo_vehicle_hn_van")
        for employee, manager, vehicle, purpose, destination, start in (
            ("employee_hd_support", "user_hd_manager", hd_van, "现场复核宴会厅吊顶尺寸", "浦东金桥酒店", 1),
            ("employee_hn_sales", "user_hn_manager", hn_van, "送高棚灯样品至东莞工厂", "东莞精工电子厂", 24),
        ):
            self._approved_request(
                "lighting.vehicle.request",
                employee,
                manager,
                {
                    "vehicle_id": vehicle.id,
                    "company_id": vehicle.company_id.id,
                    "purpose": purpose,
                    "destination": destination,
                    "date_from": now + timedelta(hours=start),
                    "date_to": now + timedelta(hours=start + 5),
                },
            )
        request = self.env["lighting.vehicle.request"].search(
            [("vehicle_id", "=", hd_van.id), ("state", "=", "approved")], limit=1
        )
        request.with_user(request.employee_id.user_id).action_start()
        for employee, manager, destination, purpose, days, cost in (
            ("employee_hd_support", "user_hd_manager", "苏州实验学校", "教室照度现场检测", 0, 600),
            ("employee_hn_sales", "user_hn_manager", "深圳物流园", "拜访仓储客户，洽谈高棚灯替换", 7, 1800),
        ):
            trip = self._approved_request(
                "lighting.business.trip",
                employee,
                manager,
                {
                    "company_id": self.env.ref(f"lighting_office.{employee}").company_id.id,
                    "destination": destination,
                    "purpose": purpose,
                    "date_from": today + timedelta(days=days),
                    "date_to": today + timedelta(days=days + (1 if days else 0)),
                    "estimated_cost": cost,
                },
            )
            if not days:
                trip.write({"report": "<p>12 间教室平均照度 320 lx，黑板面不足 500 lx，建议加装黑板灯。</p>"})
                trip.action_file_report()

    def _approved_request(self, model, employee, manager, vals):
        """A request `employee` (xmlid) makes and their office's `manager` (xmlid) approves."""
        employee = self.env.ref(f"lighting_office.{employee}")
        request = self.env[model].with_user(employee.user_id).create({"employee_id": employee.id, **vals})
        request.request_validation()
        request.with_user(self._user(manager)).validate_tier()
        return request

    def _walk_meetings(self):
        """R6.3: each office's manager sends the notice of the month's meeting and then its minutes,
        whose action items become their owners' to-dos."""
        today = fields.Date.context_today(self)
        for office, manager, staff, topic, minutes, action in (
            (
                "office_east",
                "user_hd_manager",
                ("user_hd_sales", "user_hd_support", "user_hd_aftersales"),
                "月度例会：回款与酒店项目交付",
                "<p>商场项目回款逾期 45 天，销售本周上门催收；酒店项目下周进场安装。</p>",
                ("user_hd_sales", "商场项目回款催收并反馈", 7),
            ),
            (
                "office_south",
                "user_hn_manager",
                ("user_hn_sales", "user_hn_support", "user_hn_aftersales"),
                "月度例会：工厂客户高棚灯替换",
                "<p>东莞工厂高棚灯样品本周送达；物流园项目下周拜访。</p>",
                ("user_hn_sales", "整理物流园项目需求清单", 10),
            ),
        ):
            manager = self._user(manager)
            owner, name, days = action
            meeting = (
                self.env["lighting.meeting"]
                .with_user(manager)
                .create(
                    {
                        "name": topic,
                        "meeting_type": "monthly",
                        "company_id": self.env.ref(f"lighting_office.{office}").id,
                        "organizer_id": manager.id,
                        "date_start": fields.Datetime.now() + timedelta(minutes=30),
                        "location": "会议室",
                        "agenda": "<ol><li>本月回款</li><li>项目交付</li><li>下月计划</li></ol>",
                        "attendee_ids": [Command.set([self._user(user).id for user in staff])],
                    }
                )
            )
            meeting.action_send_notice()
            meeting.write(
                {
                    "minutes": minutes,
                    "action_ids": [
                        Command.create(
                            {"name": name, "owner_id": self._user(owner).id, "date_due": today + timedelta(days=days)}
                        )
                    ],
                }
            )
            meeting.action_send_minutes()
