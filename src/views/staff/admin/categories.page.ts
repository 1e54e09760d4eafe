import { html } from '../../../common/html';
import { CASE_KINDS } from '../../../modules/cases';
import type { Category } from '../../../modules/categories/category.entity';
import type { Department } from '../../../modules/departments/department.entity';
import { errorSummary, FormErrors, FormValues, textField } from '../../form-fields';
import { href } from '../../layout';
import type { StaffPageBody } from '../staff-page';
import { checkboxField, departmentOptions, FormContext, notice, selectField } from './admin-fields';
import { AdminMessages, adminMessages } from './admin.messages';

export const CATEGORIES_PATH = '/staff/admin/categories';

function labels(m: AdminMessages): Record<string, string> {
  return { code: m.code, kind: m.categories.kind, nameTh: m.nameTh, nameEn: m.nameEn, defaultDepartmentId: m.categories.defaultDepartment, active: m.active };
}

/** Every category, retired ones too, with its default department, and the form that adds one. */
export function categoriesPage(
  ctx: FormContext,
  categories: Category[],
  departments: Department[],
  o: { values?: FormValues; errors?: FormErrors; done?: string } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const errors = o.errors ?? {};
  const values = o.values ?? { kind: 'general' };
  const common = { values, errors, requiredLabel: m.required };
  const deptName = new Map(departments.map((d) => [d.id, ctx.locale === 'en' ? d.nameEn : d.nameTh]));
  return {
    title: m.categories.title,
    main: html`<h1 id="page-title">${m.categories.title}</h1>
${notice(o.done)}
<div class="table-scroll" role="region" tabindex="0" aria-labelledby="page-title"><table class="list">
  <thead><tr><th scope="col">${m.code}</th><th scope="col">${m.nameTh}</th><th scope="col">${m.categories.kind}</th><th scope="col">${m.categories.defaultDepartment}</th><th scope="col">${m.status}</th><th scope="col"><span class="visually-hidden">${m.edit}</span></th></tr></thead>
  <tbody>${categories.map(
    (c) => html`<tr${c.active ? '' : html` class="retired"`}><td><code>${c.code}</code></td><td>${ctx.locale === 'en' ? c.nameEn : c.nameTh}</td><td>${m.categories.kinds[c.kind]}</td>
    <td>${c.defaultDepartmentId ? deptName.get(c.defaultDepartmentId) : m.none}</td><td>${c.active ? m.active : m.inactive}</td>
    <td><a href="${href(ctx, `${CATEGORIES_PATH}/${c.id}`)}" aria-label="${m.edit} ${c.nameTh}">${m.edit}</a></td></tr>`,
  )}</tbody>
</table></div>
<h2 id="create-title">${m.categories.create}</h2>
${errorSummary(m.errorSummary, errors, labels(m))}
<form method="post" action="${CATEGORIES_PATH}" class="narrow" novalidate aria-labelledby="create-title">
  ${ctx.hidden}
  ${textField({ ...common, name: 'code', label: m.code, hint: m.codeHint, required: true, maxlength: 48 })}
  ${selectField({ name: 'kind', label: m.categories.kind, values, errors, options: CASE_KINDS.map((k) => ({ value: k, label: m.categories.kinds[k] })) })}
  ${textField({ ...common, name: 'nameTh', label: m.nameTh, required: true, maxlength: 200 })}
  ${textField({ ...common, name: 'nameEn', label: m.nameEn, required: true, maxlength: 200 })}
  ${selectField({ name: 'defaultDepartmentId', label: m.categories.defaultDepartment, hint: m.categories.defaultDepartmentHint, values, errors, blank: m.categories.noDefault, options: departmentOptions(ctx, departments) })}
  <button type="submit" class="button primary">${m.add}</button>
</form>`,
  };
}

export function categoryEditPage(
  ctx: FormContext,
  category: Category,
  departments: Department[],
  o: { values?: FormValues; errors?: FormErrors } = {},
): StaffPageBody {
  const m = adminMessages(ctx.locale);
  const errors = o.errors ?? {};
  const values = o.values ?? {
    nameTh: category.nameTh,
    nameEn: category.nameEn,
    defaultDepartmentId: category.defaultDepartmentId ?? '',
    active: String(category.active),
  };
  const common = { values, errors, requiredLabel: m.required };
  return {
    title: `${m.categories.editTitle}: ${category.nameTh}`,
    main: html`<p><a href="${href(ctx, CATEGORIES_PATH)}">${m.back}</a></p>
<h1 id="page-title">${m.categories.editTitle}: ${category.nameTh} <small><code>${category.code}</code></small></h1>
<p>${m.categories.kind}: ${m.categories.kinds[category.kind]}</p>
${errorSummary(m.errorSummary, errors, labels(m))}
<form method="post" action="${CATEGORIES_PATH}/${category.id}" class="narrow" novalidate>
  ${ctx.hidden}
  ${textField({ ...common, name: 'nameTh', label: m.nameTh, required: true, maxlength: 200 })}
  ${textField({ ...common, name: 'nameEn', label: m.nameEn, required: true, maxlength: 200 })}
  ${
    category.kind === 'general'
      ? selectField({ name: 'defaultDepartmentId', label: m.categories.defaultDepartment, hint: m.categories.defaultDepartmentHint, values, errors, blank: m.categories.noDefault, options: departmentOptions(ctx, departments) })
      : ''
  }
  ${checkboxField({ name: 'active', label: m.active, values, errors })}
  <button type="submit" class="button primary">${m.save}</button>
</form>`,
  };
}
