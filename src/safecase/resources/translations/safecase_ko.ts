<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/shell/about.py" line="+48"/>
        <source>About SafeCase</source>
        <translation>SafeCase 정보</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SafeCase {version}</source>
        <translation>SafeCase {version}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Encrypted, offline casework for counseling centers. Everything stays in the vault on this computer; nothing is sent anywhere.</source>
        <translation>상담 기관을 위한 암호화 오프라인 사례관리 프로그램입니다. 모든 정보는 이 컴퓨터의 암호화 보관함에만 있고 어디로도 보내지 않습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vault format:</source>
        <translation>암호화 보관함 형식:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Libraries:</source>
        <translation>라이브러리:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python:</source>
        <translation>Python:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Licenses</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SafeCase is free software: you may use, share and change it under the GNU General Public License, version 3 or later. Qt and PySide6 are used under the GNU Lesser General Public License, version 3: you may replace the Qt libraries SafeCase uses with your own build of them. On this computer they are in:</source>
        <translation>SafeCase는 자유 소프트웨어입니다. GNU 일반 공중 사용 허가서(GPL) 버전 3 또는 그 이후 버전에 따라 쓰고, 나누고, 고칠 수 있습니다. Qt와 PySide6는 GNU 약소 일반 공중 사용 허가서(LGPL) 버전 3에 따라 씁니다. SafeCase가 쓰는 Qt 라이브러리를 직접 빌드한 것으로 바꿔 쓸 수 있습니다. 이 컴퓨터에서 Qt 라이브러리가 있는 곳:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The license texts are also in {folder}.</source>
        <translation>라이선스 전문은 {folder}에도 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Component</source>
        <translation>구성 요소</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>License</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bundled components and their licenses</source>
        <translation>함께 배포하는 구성 요소와 라이선스</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>License text</source>
        <translation>라이선스 전문</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The license text of {component} was not found on this computer.</source>
        <translation>이 컴퓨터에서 {component}의 라이선스 전문을 찾지 못했습니다.</translation>
    </message>
</context>
<context>
    <name>AddFilesDialog</name>
    <message>
        <location filename="../../ui/case/evidence_dialogs.py" line="+96"/>
        <source>Add a file</source>
        <translation>파일 추가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add {count} files</source>
        <translation>파일 {count}개 추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add file</source>
        <translation>파일 추가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add files</source>
        <translation>파일 추가</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{names} ({size}). Each file&apos;s SHA-256 is computed as it is read.</source>
        <translation>{names} ({size}). 파일을 읽으면서 파일마다 해시값(SHA-256)을 계산합니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>From the file ({kind})</source>
        <translation>파일에서 판단 ({kind})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From each file</source>
        <translation>파일마다 판단</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only you can tell a screenshot from another image.</source>
        <translation>캡처 화면인지 다른 이미지인지는 직접 골라 주세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example: threat message in the group chat</source>
        <translation>예: 단체 대화방의 협박 메시지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://… where it was posted (optional)</source>
        <translation>https://… 게시된 곳 (선택)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example: the survivor, by USB</source>
        <translation>예: 피해자 본인, USB로 전달</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>종류(&amp;K):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>설명(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>플랫폼(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Received from:</source>
        <translation>받은 곳(&amp;R):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep only the &amp;hash (do not store the file)</source>
        <translation>해시값만 보관(&amp;H) (파일은 보관하지 않음)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For material the center must not hold: the hash and these details still prove later that a copy found elsewhere is the same file. Stored files are encrypted in the vault.</source>
        <translation>센터가 보관하면 안 되는 자료일 때 선택하세요. 해시값과 이 정보만으로도 나중에 다른 곳에서 찾은 사본이 같은 파일임을 증명할 수 있습니다. 보관하는 파일은 암호화 보관함 안에 암호화됩니다.</translation>
    </message>
</context>
<context>
    <name>AddLinkDialog</name>
    <message>
        <location line="+28"/>
        <source>Add a link</source>
        <translation>링크 추가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add link</source>
        <translation>링크 추가</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A post, profile or channel where the material is. SafeCase keeps the link only and never opens it; take-down requests can refer to it.</source>
        <translation>자료가 올라온 게시물, 프로필 또는 채널입니다. SafeCase는 링크만 보관하고 열지 않습니다. 삭제 요청에서 이 링크를 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>what is there</source>
        <translation>무엇이 올라와 있는지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>channel, chat room or group name</source>
        <translation>채널, 대화방 또는 그룹 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>who told the center about it</source>
        <translation>센터에 알려 준 사람</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Description:</source>
        <translation>설명(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>플랫폼(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Channel:</source>
        <translation>채널(&amp;C):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Received from:</source>
        <translation>받은 곳(&amp;R):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give the link.</source>
        <translation>링크를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin/user_dialogs.py" line="+28"/>
        <source>Add a user</source>
        <translation>사용자 추가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add user</source>
        <translation>사용자 추가</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give each person their own account; never share one. Tell them the password in person and ask them to change it after signing in.</source>
        <translation>한 사람에게 계정 하나씩 만들고 함께 쓰지 마세요. 비밀번호는 직접 만나서 알려 주고, 로그인한 뒤 바꾸도록 안내하세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>for example jkim</source>
        <translation>예: jkim</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for example 김지현</source>
        <translation>예: 김지현</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in name:</source>
        <translation>로그인 아이디:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>표시 이름:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Works on their own cases.</source>
        <translation>담당한 사례를 맡아 일합니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sees every case, assigns work and reads the audit log.</source>
        <translation>모든 사례를 보고, 담당을 배정하고, 접근 기록을 봅니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manages accounts, settings and backups. Cannot open cases.</source>
        <translation>계정, 설정, 백업을 관리합니다. 사례는 열 수 없습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Roles:</source>
        <translation>역할:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat password:</source>
        <translation>비밀번호 확인:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Adding {name}…</source>
        <translation>{name} 추가 중…</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/admin_page.py" line="+26"/>
        <source>Administration</source>
        <translation>관리</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Users</source>
        <translation>사용자</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Settings and backup</source>
        <translation>설정 및 백업</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/shell/app.py" line="+56"/>
        <source>SafeCase cannot create the vault folder {path}: {reason}</source>
        <translation>SafeCase가 암호화 보관함 폴더 {path}을(를) 만들 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SafeCase is already open for this vault.</source>
        <translation>이 암호화 보관함은 이미 SafeCase에서 열려 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch to the open SafeCase window. Only one SafeCase can use a vault at a time.</source>
        <translation>열려 있는 SafeCase 창으로 가세요. 암호화 보관함 하나는 한 번에 SafeCase 하나만 쓸 수 있습니다.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+8"/>
        <source>SafeCase</source>
        <translation>SafeCase</translation>
    </message>
</context>
<context>
    <name>ApproximateDateEdit</name>
    <message>
        <location filename="../../ui/case/incident_fields.py" line="+185"/>
        <source>How precisely the date is known</source>
        <translation>날짜를 얼마나 정확히 아는지</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Year</source>
        <translation>연도</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month</source>
        <translation>월</translation>
    </message>
</context>
<context>
    <name>AttachContactDialog</name>
    <message>
        <location filename="../../ui/case/contact_dialogs.py" line="+75"/>
        <source>Attach a contact to this case</source>
        <translation>이 사례에 상담 연결</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attach</source>
        <translation>연결</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Calls logged without a case, newest first. Attaching moves the contact and its follow-up task into this case.</source>
        <translation>사례 없이 기록한 상담입니다(최신순). 연결하면 상담과 그 사후관리 할 일이 이 사례로 옮겨집니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no contacts without a case.</source>
        <translation>사례에 연결되지 않은 상담이 없습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{when} · {channel} · {caller} · {counselor}
{summary}</source>
        <translation>{when} · {channel} · {caller} · {counselor}
{summary}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(no summary)</source>
        <translation>(요약 없음)</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../ui/pages/audit_filters.py" line="+52"/>
        <source>Anyone</source>
        <translation>모든 사람</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any action</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 2026-0115</source>
        <translation>예: 2026-0115</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case number</source>
        <translation>사례번호</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;from</source>
        <translation>시작(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>t&amp;o</source>
        <translation>종료(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear filters</source>
        <translation>필터 지우기(&amp;L)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Who:</source>
        <translation>누가(&amp;W):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wha&amp;t:</source>
        <translation>무엇을(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;se:</source>
        <translation>사례(&amp;S):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When:</source>
        <translation>기간:</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>{name} (disabled)</source>
        <translation>{name} (사용 중지됨)</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/pages/audit_model.py" line="+25"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>누가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>무엇을</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Concerning</source>
        <translation>대상</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>세부 내용</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>case {number}</source>
        <translation>사례 {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user {name} ({user})</source>
        <translation>사용자 {name} ({user})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{target} (case {number})</source>
        <translation>{target} (사례 {number})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sign-in name: {name}</source>
        <translation>로그인 아이디: {name}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../ui/pages/audit_page.py" line="+74"/>
        <source>Audit log</source>
        <translation>접근 기록</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every sign-in, change and export is recorded here, newest first, and cannot be edited. Opening this page is recorded too.</source>
        <translation>모든 로그인, 변경, 내보내기가 최신순으로 이곳에 기록되며 고칠 수 없습니다. 이 화면을 연 것도 기록됩니다.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Show older entries</source>
        <translation>이전 기록 더 보기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Head {head}</source>
        <translation>최신 기록 {head}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No entry matches these filters.
Try others, or clear the filters.</source>
        <translation>이 조건에 맞는 기록이 없습니다.
다른 조건을 쓰거나 필터를 지우세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing {shown} of {total} matching entries</source>
        <translation>조건에 맞는 기록 {total}건 중 {shown}건 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing {shown} of {total} entries</source>
        <translation>기록 {total}건 중 {shown}건 표시</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../ui/admin/backup.py" line="+32"/>
        <source>Backup</source>
        <translation>백업</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A backup is one encrypted file holding every case and account. Save it to a USB drive or a network folder, not only to this computer, and keep it apart from the paper recovery key. Backing up is safe while others keep working.</source>
        <translation>백업은 모든 사례와 계정을 담은 암호화된 파일 하나입니다. 이 컴퓨터에만 두지 말고 USB 저장장치나 네트워크 폴더에 저장하고, 종이에 적은 복구 키와 따로 보관하세요. 다른 사람이 일하는 중에도 백업할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create backup…</source>
        <translation>백업 만들기…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save backup as</source>
        <translation>백업 저장</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SafeCase backups (*.{suffix})</source>
        <translation>SafeCase 백업 (*.{suffix})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing the backup…</source>
        <translation>백업을 쓰는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup created</source>
        <translation>백업 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup was saved to {path}.</source>
        <translation>백업을 {path}에 저장했습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep it somewhere safe, away from the paper recovery key.</source>
        <translation>종이에 적은 복구 키와 떨어진 안전한 곳에 보관하세요.</translation>
    </message>
</context>
<context>
    <name>CaseContactsTab</name>
    <message>
        <location filename="../../ui/case/case_contacts.py" line="+92"/>
        <source>Log contact…</source>
        <translation>상담일지 작성…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach an earlier call…</source>
        <translation>이전 상담 연결…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attach a contact that was logged without a case</source>
        <translation>사례 없이 기록한 상담을 이 사례에 연결합니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No contacts are logged for this case yet. Use “Log contact…” after each call, chat or visit.</source>
        <translation>이 사례에 기록된 상담이 아직 없습니다. 전화, 채팅, 방문 상담을 할 때마다 “상담일지 작성…”을 누르세요.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The contact was logged.</source>
        <translation>상담일지를 저장했습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The contact was updated.</source>
        <translation>상담일지를 수정했습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The contact was attached to this case.</source>
        <translation>상담을 이 사례에 연결했습니다.</translation>
    </message>
</context>
<context>
    <name>CaseEvidenceTab</name>
    <message>
        <location filename="../../ui/case/case_evidence.py" line="+354"/>
        <source>Add files…</source>
        <translation>파일 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or drag files onto this tab</source>
        <translation>또는 파일을 이 탭으로 끌어 놓으세요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add link…</source>
        <translation>링크 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take-down…</source>
        <translation>삭제 요청…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a take-down request for the chosen item&apos;s post or link</source>
        <translation>선택한 증거자료의 게시물이나 링크에 대한 삭제 요청을 기록합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence packet…</source>
        <translation>증거 제출 자료…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export chosen items for the police, a prosecutor or a lawyer, recorded as handed over</source>
        <translation>선택한 증거자료를 경찰, 검찰, 변호인에게 낼 자료로 내보내고 제출로 기록합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify files</source>
        <translation>파일 무결성 검사</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that every kept file still has its recorded SHA-256 and every custody log is intact</source>
        <translation>보관한 모든 파일의 해시값(SHA-256)이 기록과 같은지, 증거 보관 이력이 온전한지 확인합니다</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No evidence yet. Drag files here or use “Add files…”; add links to posts with “Add link…”. Files are encrypted inside the vault, and each keeps its SHA-256 and a custody log.</source>
        <translation>증거자료가 아직 없습니다. 파일을 여기로 끌어 놓거나 “파일 추가…”를 누르고, 게시물 링크는 “링크 추가…”로 추가하세요. 파일은 암호화 보관함 안에 암호화되며, 파일마다 해시값(SHA-256)과 증거 보관 이력이 남습니다.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Custody log</source>
        <translation>증거 보관 이력</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand over…</source>
        <translation>제출…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that this item or a copy went to someone: to whom, why, their reference</source>
        <translation>이 증거자료나 사본을 누구에게, 왜 넘겼는지와 상대의 접수 번호를 기록합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned…</source>
        <translation>반환…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that what was handed over came back</source>
        <translation>제출한 것이 돌아왔음을 기록합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy…</source>
        <translation>폐기…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose an item to see its details and custody log.</source>
        <translation>증거자료를 고르면 세부 정보와 증거 보관 이력이 보입니다.</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>The file was destroyed already</source>
        <translation>파일은 이미 폐기되었습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file of this item is kept in SafeCase, so there is nothing to destroy</source>
        <translation>이 증거자료의 파일은 SafeCase에 보관되어 있지 않아 폐기할 것이 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destroy the kept file for good; its hash and custody log stay</source>
        <translation>보관한 파일을 영구히 폐기합니다. 해시값과 증거 보관 이력은 남습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded: {item} handed over to {recipient}.</source>
        <translation>기록했습니다: {item}을(를) {recipient}에게 제출.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recorded: {item} returned.</source>
        <translation>기록했습니다: {item} 반환.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file of {item} was destroyed; its hash and custody log remain.</source>
        <translation>{item}의 파일을 폐기했습니다. 해시값과 증거 보관 이력은 남아 있습니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save a copy outside the vault?</source>
        <translation>암호화 보관함 밖에 사본을 저장할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy of {item} will not be encrypted.</source>
        <translation>{item}의 사본은 암호화되지 않습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anyone using this computer account can open it. Save it where only you can reach it, and delete it when you no longer need it. The copy is recorded in the custody log.</source>
        <translation>이 컴퓨터 계정을 쓰는 사람은 누구나 열 수 있습니다. 나만 접근할 수 있는 곳에 저장하고, 필요가 없어지면 지우세요. 사본 저장은 증거 보관 이력에 기록됩니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose where…</source>
        <translation>위치 선택…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save a copy of the evidence file</source>
        <translation>증거자료 파일의 사본 저장</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Saving a copy…</source>
        <translation>사본 저장 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A copy was saved to {path}. It is not encrypted: delete it when you no longer need it.</source>
        <translation>사본을 {path}에 저장했습니다. 암호화되지 않았으니 필요가 없어지면 지우세요.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose evidence files</source>
        <translation>증거자료 파일 선택</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Folders are not added: choose or drag the files inside them.</source>
        <translation>폴더는 추가되지 않습니다. 폴더 안의 파일을 고르거나 끌어 놓으세요.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Adding {name} ({size})…</source>
        <translation>{name} ({size}) 추가 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adding {count} files ({size})…</source>
        <translation>파일 {count}개 ({size}) 추가 중…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Added: {names}.</source>
        <translation>추가했습니다: {names}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled: nothing of {name} was kept.</source>
        <translation>취소했습니다. {name}은(는) 전혀 보관되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {why}</source>
        <translation>{name}: {why}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Already in SafeCase</source>
        <translation>이미 SafeCase에 있음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence you just added matches evidence already on record:</source>
        <translation>방금 추가한 증거자료가 이미 기록된 증거자료와 일치합니다:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the same file</source>
        <translation>같은 파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the same picture, resized or re-compressed ({bits} of 64 bits differ)</source>
        <translation>크기를 바꾸거나 다시 압축한 같은 사진 (64비트 중 {bits}비트 다름)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this case</source>
        <translation>이 사례</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>case {number}</source>
        <translation>사례 {number}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{where}, {item}: {how}</source>
        <translation>{where}, {item}: {how}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{item} — {matches}</source>
        <translation>{item} — {matches}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The link was added.</source>
        <translation>링크를 추가했습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking every kept file and custody log…</source>
        <translation>보관한 모든 파일과 증거 보관 이력을 확인하는 중…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Verified {count} items: every kept file has its recorded SHA-256 and every custody log holds.</source>
        <translation>증거자료 {count}건을 검사했습니다. 보관한 모든 파일의 해시값(SHA-256)이 기록과 같고 증거 보관 이력도 온전합니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{failed} of {count} items no longer match:</source>
        <translation>증거자료 {count}건 중 {failed}건이 기록과 맞지 않습니다:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verified; not checked (you do not hold this case&apos;s key): {names}.</source>
        <translation>검사했습니다. 다음은 이 사례의 키가 없어 확인하지 못했습니다: {names}.</translation>
    </message>
</context>
<context>
    <name>CaseHistory</name>
    <message>
        <location filename="../../ui/case/case_history.py" line="+59"/>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+73"/>
        <source>Contact</source>
        <translation>상담</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Incident</source>
        <translation>피해 사건</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+70"/>
        <source>Referral</source>
        <translation>연계</translation>
    </message>
    <message>
        <location line="-69"/>
        <location line="+48"/>
        <source>Consent</source>
        <translation>동의</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Task</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>증거자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take-down</source>
        <translation>삭제 요청</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Status</source>
        <translation>진행 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened on</source>
        <translation>접수일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed on</source>
        <translation>종결일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk</source>
        <translation>위험도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk reason</source>
        <translation>위험도 판단 이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counselors</source>
        <translation>담당 상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>가명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age band</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>성별</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch</source>
        <translation>소속 군</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service status</source>
        <translation>신분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferred channel</source>
        <translation>선호 상담 방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe channels</source>
        <translation>안전한 상담 방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe to leave a message</source>
        <translation>메시지를 남겨도 됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe words and times</source>
        <translation>안전한 표현과 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real name</source>
        <translation>실명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>연락처</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left out of statistics</source>
        <translation>통계 제외</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>상담 방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>수신/발신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration (minutes)</source>
        <translation>상담 시간(분)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>상담 요청자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counselor</source>
        <translation>상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up needed</source>
        <translation>사후관리 필요</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up due</source>
        <translation>사후관리 기한</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident types</source>
        <translation>피해 유형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perpetrator</source>
        <translation>가해자와의 관계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date known to</source>
        <translation>날짜 정확도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident date</source>
        <translation>피해 발생일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>연계기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent on</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome category</source>
        <translation>결과 분류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>목적</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given by</source>
        <translation>동의한 사람</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given on</source>
        <translation>동의일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn on</source>
        <translation>철회일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case number</source>
        <translation>사례번호</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow-up</source>
        <translation>내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done on</source>
        <translation>완료일</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>해시값(SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File kept, encrypted</source>
        <translation>파일 암호화 보관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File destroyed</source>
        <translation>파일 폐기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to</source>
        <translation>요청한 곳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported on</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>접수 번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status since</source>
        <translation>상태 변경일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-check on</source>
        <translation>재확인일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence item</source>
        <translation>증거자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reappeared from take-down</source>
        <translation>재유포 전 삭제 요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <location line="+47"/>
        <location line="+1"/>
        <location line="+39"/>
        <source>#{id}</source>
        <translation>#{id}</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+78"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CaseHistoryTab</name>
    <message>
        <location line="+60"/>
        <source>Every change to this case, newest first. Real names and phone numbers show only that they changed.</source>
        <translation>이 사례의 모든 변경 내역입니다(최신순). 실명과 연락처는 바뀌었다는 사실만 보입니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No change is recorded for this case yet. Every change made to it will be listed here.</source>
        <translation>이 사례에 기록된 변경 내역이 아직 없습니다. 앞으로 바뀌는 내용은 모두 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case history</source>
        <translation>사례 변경 내역</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nothing has changed since {who} opened this case on {date}. Every change from now on will be listed here, with who made it and when.</source>
        <translation>{date}에 {who}이(가) 이 사례를 접수한 뒤로 바뀐 내용이 없습니다. 앞으로 바뀌는 내용은 누가 언제 바꿨는지와 함께 모두 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{old} → (empty)</source>
        <translation>{old} → (비어 있음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{record} #{id}</source>
        <translation>{record} #{id}</translation>
    </message>
</context>
<context>
    <name>CaseIncidentsTab</name>
    <message>
        <location filename="../../ui/case/case_incidents.py" line="+71"/>
        <source>Record incident…</source>
        <translation>피해 사건 기록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No incident is recorded for this case yet. Use “Record incident…” to note what happened, on which platforms and by whom.</source>
        <translation>이 사례에 기록된 피해 사건이 아직 없습니다. “피해 사건 기록…”을 눌러 어떤 일이 어느 플랫폼에서 누구에 의해 일어났는지 적으세요.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The incident was recorded.</source>
        <translation>피해 사건을 기록했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The incident was updated.</source>
        <translation>피해 사건을 수정했습니다.</translation>
    </message>
</context>
<context>
    <name>CaseOverview</name>
    <message>
        <location filename="../../ui/case/case_overview.py" line="+194"/>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why this risk level, in a few words</source>
        <translation>이 위험도로 판단한 이유를 짧게</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;losed on:</source>
        <translation>종결일(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed on</source>
        <translation>종결일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stat&amp;us:</source>
        <translation>진행 상태(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ris&amp;k:</source>
        <translation>위험도(&amp;K):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk reaso&amp;n:</source>
        <translation>위험도 판단 이유(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;pened on:</source>
        <translation>접수일(&amp;P):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reassi&amp;gn…</source>
        <translation>담당 변경(&amp;G)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counselors:</source>
        <translation>담당 상담원:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incident types:</source>
        <translation>피해 유형:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Identifying details</source>
        <translation>신원 정보</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hidden until you reveal them, and only when the work needs it. Each reveal is recorded in the audit log.</source>
        <translation>실명 보기를 누르기 전에는 가려져 있습니다. 업무에 꼭 필요할 때만 보세요. 볼 때마다 접근 기록에 남습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Real name:</source>
        <translation>실명:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>연락처:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who saw this identit&amp;y…</source>
        <translation>신원 정보 열람자(&amp;Y)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the audit log at every reveal of this case</source>
        <translation>이 사례의 실명 보기 기록을 접근 기록에서 엽니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+253"/>
        <source>Re&amp;veal</source>
        <translation>실명 보기(&amp;V)</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>Show real name and phone (recorded in the audit log)</source>
        <translation>실명과 연락처를 봅니다 (접근 기록에 남음)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Survivor profile</source>
        <translation>피해자 정보</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only what the work needs. An alias or initials, never a real name.</source>
        <translation>업무에 필요한 것만 적으세요. 실명 대신 가명이나 이니셜을 씁니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>for example 민지, J.K. or 상병A</source>
        <translation>예: 민지, J.K., 상병A</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>for example: own mobile after 19:00, never the unit phone</source>
        <translation>예: 19:00 이후 본인 휴대전화, 부대 전화는 안 됨</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not known</source>
        <translation>모름</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Safe words, safe times, who must not find out</source>
        <translation>안전한 표현, 연락해도 되는 시간, 알면 안 되는 사람</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alias:</source>
        <translation>가명(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age &amp;band:</source>
        <translation>연령대(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gen&amp;der:</source>
        <translation>성별(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Branch:</source>
        <translation>소속 군:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service status:</source>
        <translation>신분:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>지역:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;ferred channel:</source>
        <translation>선호 상담 방법(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe channels:</source>
        <translation>안전한 상담 방법:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe to leave a &amp;message?</source>
        <translation>메시지를 남겨도 되나요(&amp;M)?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safe &amp;words and times:</source>
        <translation>안전한 표현과 시간(&amp;W):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave this case out of statistics (the survivor declined)</source>
        <translation>이 사례를 통계에서 제외 (피해자가 통계 활용에 동의하지 않음)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anonymized reports do not count this case; they only say how many cases were left out.</source>
        <translation>익명 통계 보고서는 이 사례를 집계하지 않고, 제외한 사례가 몇 건인지만 밝힙니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changes you had not saved when SafeCase locked were kept for you.</source>
        <translation>SafeCase가 잠길 때 저장하지 않은 변경 내용을 보관해 두었습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore them</source>
        <translation>되살리기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard them</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Discard changes</source>
        <translation>변경 내용 버리기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the overview (Ctrl+S)</source>
        <translation>개요를 저장합니다 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None recorded yet (see Incidents).</source>
        <translation>아직 기록 없음 (피해 사건 탭 참고).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+65"/>
        <source>Not recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Shown</source>
        <translation>표시됨</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
</context>
<context>
    <name>CaseReferralsTab</name>
    <message>
        <location filename="../../ui/case/case_referrals.py" line="+194"/>
        <source>New referral…</source>
        <translation>새 연계…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark sent</source>
        <translation>요청함으로 표시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record answer…</source>
        <translation>회신 기록…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to share…</source>
        <translation>제3자 정보 제공 동의…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the survivor&apos;s consent to share with the selected referral&apos;s organization</source>
        <translation>선택한 연계의 연계기관에 정보를 제공하는 데 대한 피해자의 동의를 기록합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Directory…</source>
        <translation>연계기관 목록…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No referrals yet. A referral starts as a draft; it is sent once consent is on record.</source>
        <translation>연계가 아직 없습니다. 연계는 초안으로 시작하며, 동의를 기록한 뒤에 요청할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Consents</source>
        <translation>동의</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+112"/>
        <source>Record consent…</source>
        <translation>동의 기록…</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Withdraw…</source>
        <translation>철회…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No consent is on record: neither to record data nor to share it with anyone.</source>
        <translation>기록된 동의가 없습니다. 정보 기록 동의도, 제3자 정보 제공 동의도 없습니다.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The referral was saved as a draft. Record consent, then mark it sent.</source>
        <translation>연계를 초안으로 저장했습니다. 동의를 기록한 뒤 요청함으로 표시하세요.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Marked sent. A follow-up is due on {day}.</source>
        <translation>요청함으로 표시했습니다. 사후관리 기한은 {day}입니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Consent needed</source>
        <translation>동의 필요</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the survivor&apos;s consent to share with {organization} now?</source>
        <translation>{organization}에 정보를 제공하는 데 대한 피해자의 동의를 지금 기록할까요?</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The referral was updated.</source>
        <translation>연계를 수정했습니다.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Consent recorded. You can now mark the referral sent.</source>
        <translation>동의를 기록했습니다. 이제 연계를 요청함으로 표시할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Consent recorded.</source>
        <translation>동의를 기록했습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Withdraw this consent?</source>
        <translation>이 동의를 철회할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The consent stays on record as withdrawn today.</source>
        <translation>이 동의는 오늘 날짜로 철회된 것으로 기록에 남습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing more may be shared under it. Referrals already sent are not recalled by SafeCase.</source>
        <translation>이 동의로는 더 이상 정보를 제공할 수 없습니다. 이미 요청한 연계를 SafeCase가 되돌리지는 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw consent</source>
        <translation>동의 철회</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The consent was withdrawn.</source>
        <translation>동의를 철회했습니다.</translation>
    </message>
</context>
<context>
    <name>CaseTasksTab</name>
    <message>
        <location filename="../../ui/case/case_tasks.py" line="+128"/>
        <source>New &amp;follow-up:</source>
        <translation>새 사후관리(&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>for example: call back about the deletion request</source>
        <translation>예: 삭제 요청 결과 안내 전화</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d&amp;ue</source>
        <translation>기한(&amp;U)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>for</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For whom</source>
        <translation>누구의 할 일인지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>추가(&amp;A)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No follow-ups for this case yet. Referrals and contacts marked “follow-up needed” add theirs here.</source>
        <translation>이 사례의 사후관리가 아직 없습니다. “사후관리 필요”로 표시한 연계와 상담의 사후관리가 여기에 추가됩니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow-ups</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+64"/>
        <source>Mark &amp;done</source>
        <translation>완료로 표시(&amp;D)</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>me ({name})</source>
        <translation>나 ({name})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Reope&amp;n</source>
        <translation>다시 열기(&amp;N)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Follow-up added.</source>
        <translation>사후관리를 추가했습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Marked done.</source>
        <translation>완료로 표시했습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reopened.</source>
        <translation>다시 열었습니다.</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../ui/case/case_window.py" line="+144"/>
        <source>&amp;Overview</source>
        <translation>개요(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Contacts</source>
        <translation>상담일지(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incidents</source>
        <translation>피해 사건(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Referrals</source>
        <translation>연계(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Evidence</source>
        <translation>증거자료(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tasks</source>
        <translation>사후관리(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>변경 내역(&amp;H)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Ca&amp;se</source>
        <translation>사례(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;veal identifying details</source>
        <translation>실명 보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reassi&amp;gn…</source>
        <translation>담당 변경(&amp;G)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>닫기(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+W</source>
        <translation>Ctrl+W</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+19"/>
        <source>Case {number}</source>
        <translation>사례 {number}</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>{risk} risk</source>
        <translation>위험도 {risk}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no alias</source>
        <translation>가명 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opened {date}</source>
        <translation>접수 {date}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title} — {alias}</source>
        <translation>{title} — {alias}</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Reassigned.</source>
        <translation>담당을 변경했습니다.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the changes to case {number}?</source>
        <translation>사례 {number}의 변경 내용을 저장할까요?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If you don&apos;t save, the changes on the Overview are lost.</source>
        <translation>저장하지 않으면 개요 탭의 변경 내용이 사라집니다.</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../ui/pages/cases_model.py" line="+92"/>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>진행 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk</source>
        <translation>위험도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>접수일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>가명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counselors</source>
        <translation>담당 상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incident types</source>
        <translation>피해 유형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>기한 지남</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Click to sort by this column; click again to reverse.</source>
        <translation>누르면 이 열로 정렬하고, 다시 누르면 순서를 뒤집습니다.</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+13"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Overdue follow-ups: {count}</source>
        <translation>기한 지난 사후관리: {count}건</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../ui/pages/cases_page.py" line="+110"/>
        <location line="+105"/>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Every case in the center.</source>
        <translation>센터의 모든 사례입니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cases assigned to you. A supervisor can assign others to you.</source>
        <translation>내가 담당한 사례입니다. 책임상담원이 다른 사례를 배정할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search:</source>
        <translation>검색(&amp;S):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Words in notes, aliases or case numbers (Ctrl+F)</source>
        <translation>메모, 가명, 사례번호의 단어 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search cases</source>
        <translation>사례 검색</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Overdue only</source>
        <translation>기한 지난 것만(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases with a follow-up or a referral answer past its date</source>
        <translation>사후관리나 연계 회신의 기한이 지난 사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear filters</source>
        <translation>필터 지우기(&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Any status</source>
        <translation>모든 진행 상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not closed</source>
        <translation>종결 전</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any risk</source>
        <translation>모든 위험도</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High or urgent</source>
        <translation>높음 또는 긴급</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any counselor</source>
        <translation>모든 상담원</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any incident type</source>
        <translation>모든 피해 유형</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;from</source>
        <translation>시작(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;to</source>
        <translation>종료(&amp;T)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stat&amp;us:</source>
        <translation>진행 상태(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Risk:</source>
        <translation>위험도(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Incident:</source>
        <translation>피해 유형(&amp;I):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened:</source>
        <translation>접수일:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cou&amp;nselor:</source>
        <translation>상담원(&amp;N):</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Enter or double-click opens the case.</source>
        <translation>Enter를 누르거나 두 번 클릭하면 사례가 열립니다.</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>1 case matches</source>
        <translation>맞는 사례 1건</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} cases match</source>
        <translation>맞는 사례 {count}건</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 case</source>
        <translation>사례 1건</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} cases</source>
        <translation>사례 {count}건</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No case matches these filters.
Try other words or clear the filters.</source>
        <translation>이 조건에 맞는 사례가 없습니다.
다른 단어를 쓰거나 필터를 지우세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cases yet.
When a call comes in, choose New intake… (Ctrl+N) to open one.</source>
        <translation>아직 사례가 없습니다.
상담 전화가 오면 빠른 접수…(Ctrl+N)를 눌러 사례를 여세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No cases are assigned to you yet.
When a call comes in, choose New intake… (Ctrl+N) to open one.</source>
        <translation>아직 담당한 사례가 없습니다.
상담 전화가 오면 빠른 접수…(Ctrl+N)를 눌러 사례를 여세요.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type at least 2 characters to search.</source>
        <translation>두 글자 이상 입력해야 검색합니다.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/shell/change_password.py" line="+39"/>
        <source>Change my password</source>
        <translation>내 비밀번호 변경</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>Change password</source>
        <translation>비밀번호 변경</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Choose your own password</source>
        <translation>내 비밀번호 정하기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An administrator chose the password you signed in with, so they know it too. Choose one that only you know; you need it from your next sign-in on.</source>
        <translation>지금 로그인한 비밀번호는 관리자가 정한 것이라 관리자도 알고 있습니다. 본인만 아는 비밀번호로 바꾸세요. 다음 로그인부터 새 비밀번호를 씁니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The new password is needed from your next sign-in on; you stay signed in now.</source>
        <translation>다음 로그인부터 새 비밀번호를 씁니다. 지금은 로그인 상태가 유지됩니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Current password:</source>
        <translation>현재 비밀번호:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password you were given:</source>
        <translation>받은 비밀번호:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Changing your password…</source>
        <translation>비밀번호 변경 중…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Password changed</source>
        <translation>비밀번호 변경 완료</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your password was changed.</source>
        <translation>비밀번호를 바꿨습니다.</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <location filename="../../ui/case/incident_fields.py" line="-156"/>
        <source>Digital sexual crimes</source>
        <translation>디지털 성범죄</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offline</source>
        <translation>오프라인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messengers</source>
        <translation>메신저</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social networks</source>
        <translation>SNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sites</source>
        <translation>사이트</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apps</source>
        <translation>앱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/case/consent_dialog.py" line="+34"/>
        <source>Record consent</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record consent only after explaining what will be shared, with whom and why, and that consent can be withdrawn at any time.</source>
        <translation>어떤 정보를 누구에게 왜 제공하는지, 그리고 동의는 언제든 철회할 수 있다는 것을 설명한 뒤에만 동의를 기록하세요.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>for example: case summary and images for deletion support</source>
        <translation>예: 삭제지원을 위한 사례 요약과 이미지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent to:</source>
        <translation>동의 내용:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share with:</source>
        <translation>제공받는 곳:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given by:</source>
        <translation>동의한 사람:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given on:</source>
        <translation>동의일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope:</source>
        <translation>범위:</translation>
    </message>
</context>
<context>
    <name>ConsentsModel</name>
    <message>
        <location filename="../../ui/case/case_referrals.py" line="-289"/>
        <source>Consent to</source>
        <translation>동의 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organization</source>
        <translation>연계기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given by</source>
        <translation>동의한 사람</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given on</source>
        <translation>동의일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scope</source>
        <translation>범위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>In force</source>
        <translation>유효</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdrawn {day}</source>
        <translation>{day} 철회</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/case/contact_dialogs.py" line="-73"/>
        <source>Edit contact</source>
        <translation>상담일지 수정</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Log a contact</source>
        <translation>상담일지 작성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save contact</source>
        <translation>상담일지 저장</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>When:</source>
        <translation>일시:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>상담 방법:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction:</source>
        <translation>수신/발신:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller:</source>
        <translation>상담 요청자:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:</source>
        <translation>상담 시간:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary:</source>
        <translation>요약:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its follow-up task is on the Tasks tab; mark it done there.</source>
        <translation>이 상담의 사후관리는 사후관리 탭에 있습니다. 완료는 그곳에서 표시하세요.</translation>
    </message>
</context>
<context>
    <name>ContactFields</name>
    <message>
        <location filename="../../ui/case/contact_fields.py" line="+101"/>
        <source>not recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration in minutes</source>
        <translation>상담 시간(분)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the call was about, what was agreed…</source>
        <translation>상담 내용과 합의한 것…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <location filename="../../ui/case/case_contacts.py" line="-128"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>상담 방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>수신/발신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>상담 시간</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller</source>
        <translation>상담 요청자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counselor</source>
        <translation>상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>due {day}</source>
        <translation>기한 {day}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
</context>
<context>
    <name>CrashGuard</name>
    <message>
        <location filename="../../ui/shell/crash_guard.py" line="+63"/>
        <source>The vault could not be read or written (it may have been re-encrypted by an administrator). SafeCase locked itself; sign in again to continue. What was saved is safe.</source>
        <translation>암호화 보관함을 읽거나 쓸 수 없습니다(관리자가 다시 암호화했을 수 있습니다). SafeCase를 잠갔습니다. 계속하려면 다시 로그인하세요. 저장한 내용은 안전합니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Something unexpected went wrong and that action was not completed. What was saved is safe.</source>
        <translation>예상하지 못한 문제로 작업을 마치지 못했습니다. 저장한 내용은 안전합니다.</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <location filename="../../ui/shell/create_vault.py" line="+56"/>
        <source>Create a vault</source>
        <translation>암호화 보관함 만들기</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Create your center&apos;s vault</source>
        <translation>센터의 암호화 보관함 만들기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SafeCase keeps every case record in one encrypted vault on this computer. Start with the first administrator account; administrators add the other counselors later.</source>
        <translation>SafeCase는 모든 사례 기록을 이 컴퓨터의 암호화 보관함 하나에 보관합니다. 먼저 첫 관리자 계정을 만드세요. 다른 상담원은 나중에 관리자가 추가합니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>for example jkim</source>
        <translation>예: jkim</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>as colleagues should see it, for example 김지현</source>
        <translation>동료에게 보일 이름, 예: 김지현</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in name:</source>
        <translation>로그인 아이디:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name:</source>
        <translation>표시 이름:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat password:</source>
        <translation>비밀번호 확인:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The vault will be created in {path}</source>
        <translation>암호화 보관함을 만들 위치: {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create vault</source>
        <translation>만들기</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Creating the vault and measuring this computer&apos;s speed…</source>
        <translation>암호화 보관함을 만들고 이 컴퓨터의 속도를 재는 중…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Write down your recovery key</source>
        <translation>복구 키를 적어 두세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This key is the only way back into the vault if every administrator password is lost. Write it and its fingerprint on paper and keep the paper locked away from this computer, for example in the director&apos;s safe.</source>
        <translation>관리자 비밀번호를 모두 잃어버렸을 때 암호화 보관함을 다시 열 수 있는 방법은 이 키뿐입니다. 키와 키 지문을 종이에 적어 이 컴퓨터와 떨어진 곳(예: 센터장 금고)에 잠가 두세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SafeCase will not show this key again. It is not copied to the clipboard; do not photograph it or save it in a file on this computer.</source>
        <translation>SafeCase는 이 키를 다시 보여 주지 않습니다. 클립보드에도 복사되지 않습니다. 사진을 찍거나 이 컴퓨터의 파일에 저장하지 마세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>I have written the recovery key and its fingerprint on paper</source>
        <translation>복구 키와 키 지문을 종이에 적었습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finish</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>CustodyModel</name>
    <message>
        <location filename="../../ui/case/case_evidence.py" line="-676"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>구분</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>누가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>세부 내용</translation>
    </message>
</context>
<context>
    <name>DestroyDialog</name>
    <message>
        <location filename="../../ui/case/evidence_dialogs.py" line="+85"/>
        <source>Destroy evidence file</source>
        <translation>증거자료 파일 폐기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroy file</source>
        <translation>파일 폐기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Destroy the file of {item}?</source>
        <translation>{item}의 파일을 폐기할까요?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file&apos;s key is deleted and then the encrypted file: it can never be recovered, from this vault or from any copy of the file. The item&apos;s SHA-256, its details and its custody log stay, ending in “destroyed”. A backup made before still holds the file.</source>
        <translation>파일의 키를 지운 다음 암호화된 파일을 지웁니다. 이 암호화 보관함에서도, 파일의 어떤 사본에서도 다시 복구할 수 없습니다. 증거자료의 해시값(SHA-256), 세부 정보, 증거 보관 이력은 “폐기”로 끝난 채 남습니다. 이전에 만든 백업에는 파일이 그대로 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>for example: retention period over, survivor asked</source>
        <translation>예: 보존 기간 종료, 피해자 요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>이유(&amp;R):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say why the file is destroyed; the reason goes into the custody log.</source>
        <translation>파일을 폐기하는 이유를 적으세요. 이유는 증거 보관 이력에 남습니다.</translation>
    </message>
</context>
<context>
    <name>Evidence</name>
    <message>
        <location filename="../../ui/case/evidence_labels.py" line="+27"/>
        <source>{count} bytes</source>
        <translation>{count}바이트</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Destroyed {day}</source>
        <translation>{day} 폐기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored, encrypted</source>
        <translation>암호화 보관</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hash only</source>
        <translation>해시값만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dHash {value} (finds resized or re-compressed copies)</source>
        <translation>dHash {value} (크기를 바꾸거나 다시 압축한 사본도 찾음)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SHA-256 only (not an image SafeCase can read)</source>
        <translation>해시값(SHA-256)만 (SafeCase가 읽을 수 있는 이미지가 아님)</translation>
    </message>
</context>
<context>
    <name>EvidenceDialogs</name>
    <message>
        <location filename="../../ui/case/evidence_dialogs.py" line="-241"/>
        <source>for example 텔레그램</source>
        <translation>예: 텔레그램</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The link cannot be kept: it is too long or has spaces in it.</source>
        <translation>이 링크는 보관할 수 없습니다. 너무 길거나 공백이 들어 있습니다.</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../ui/case/case_evidence.py" line="-77"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File or link</source>
        <translation>파일 또는 링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>해시값(SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>접수일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept</source>
        <translation>보관</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Does not match!</source>
        <translation>일치하지 않음!</translation>
    </message>
</context>
<context>
    <name>EvidencePacketDialog</name>
    <message>
        <location filename="../../ui/case/evidence_packet_dialog.py" line="+65"/>
        <source>Evidence packet</source>
        <translation>증거 제출 자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write packet</source>
        <translation>자료 만들기(&amp;W)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence packet of case {number}</source>
        <translation>사례 {number}의 증거 제출 자료</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The packet holds the original files, SHA256SUMS to check them with, and a manifest (CSV and PDF) of every item with its hash and chain of custody. Each item is recorded as handed over to the recipient.</source>
        <translation>증거 제출 자료에는 원본 파일, 파일을 확인할 SHA256SUMS, 모든 증거자료의 해시값과 증거 보관 이력을 담은 목록(CSV와 PDF)이 들어갑니다. 각 증거자료는 받는 사람에게 제출한 것으로 기록됩니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Items to include</source>
        <translation>넣을 증거자료</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Items:</source>
        <translation>증거자료(&amp;I):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name of the person receiving it</source>
        <translation>받는 사람 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: 서울경찰청 사이버수사대</source>
        <translation>예: 서울경찰청 사이버수사대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For example: evidence for the complaint</source>
        <translation>예: 고소장 증거자료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Their case or receipt number, if any</source>
        <translation>상대 기관의 사건번호나 접수 번호 (있으면)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>받는 사람(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organization:</source>
        <translation>소속 기관(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose:</source>
        <translation>목적(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;eference:</source>
        <translation>접수 번호(&amp;E):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;hoose…</source>
        <translation>선택(&amp;H)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save in:</source>
        <translation>저장 위치:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write one .&amp;zip file instead of a folder</source>
        <translation>폴더 대신 .zip 파일 하나로 만들기(&amp;Z)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include the survivor&apos;s real &amp;name and phone</source>
        <translation>피해자의 실명과 연락처 포함(&amp;N)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Without it the packet names the case by its number only. Include the identity only when the recipient needs it; reading it is recorded in the audit log.</source>
        <translation>포함하지 않으면 사례번호로만 사례를 밝힙니다. 받는 사람에게 꼭 필요할 때만 신원 정보를 넣으세요. 신원 정보를 읽은 것은 접근 기록에 남습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hash only, no file</source>
        <translation>해시값만, 파일 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 item chosen.</source>
        <translation>증거자료 1건을 골랐습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} items chosen.</source>
        <translation>증거자료 {count}건을 골랐습니다.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>1 item recorded as handed over.</source>
        <translation>증거자료 1건을 제출로 기록했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} items recorded as handed over.</source>
        <translation>증거자료 {count}건을 제출로 기록했습니다.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Save the packet in</source>
        <translation>증거 제출 자료 저장 위치</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Say to whom the packet goes.</source>
        <translation>받는 사람을 적으세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Say what the packet is for.</source>
        <translation>목적을 적으세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Decrypting the files and writing the packet…</source>
        <translation>파일의 암호를 풀고 증거 제출 자료를 만드는 중…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet written to:</source>
        <translation>증거 제출 자료를 만든 곳:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256:</source>
        <translation>해시값(SHA-256):</translation>
    </message>
</context>
<context>
    <name>FollowUpFields</name>
    <message>
        <location filename="../../ui/case/contact_fields.py" line="+94"/>
        <source>Follow-up needed, due</source>
        <translation>사후관리 필요, 기한</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up due</source>
        <translation>사후관리 기한</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/common/form_dialog.py" line="+97"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <location filename="../../ui/case/evidence_dialogs.py" line="+130"/>
        <source>Hand over {item}</source>
        <translation>{item} 제출</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record hand-over</source>
        <translation>제출 기록</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Records in the custody log who received the item or a copy, and why. Nothing is exported here: use “Evidence packet…” to write the files for them.</source>
        <translation>증거자료나 사본을 누가 왜 받았는지 증거 보관 이력에 기록합니다. 여기서는 아무것도 내보내지 않습니다. 파일을 만들어 주려면 “증거 제출 자료…”를 쓰세요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>for example: 박 형사</source>
        <translation>예: 박 형사</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example: 서울경찰청 사이버수사대</source>
        <translation>예: 서울경찰청 사이버수사대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for example: 고소장 제출</source>
        <translation>예: 고소장 제출</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>their report or case number (optional)</source>
        <translation>상대 기관의 접수 번호나 사건번호 (선택)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To whom:</source>
        <translation>받는 사람(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organization:</source>
        <translation>소속 기관(&amp;O):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Purpose:</source>
        <translation>목적(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>접수 번호(&amp;R):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Say what it is for.</source>
        <translation>목적을 적으세요.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../ui/case/case_history.py" line="-95"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>누가</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record</source>
        <translation>기록</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>항목</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>변경</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home_page.py" line="+62"/>
        <source>Welcome, {name}</source>
        <translation>{name} 님, 안녕하세요</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your account</source>
        <translation>내 계정</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed in as &lt;b&gt;{name}&lt;/b&gt; ({user})</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;({user}) 님으로 로그인했습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Roles: {roles}</source>
        <translation>역할: {roles}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only you should know your password. If someone else has seen it, change it now.</source>
        <translation>비밀번호는 본인만 알아야 합니다. 다른 사람이 봤다면 지금 바꾸세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change my password…</source>
        <translation>내 비밀번호 변경…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This vault</source>
        <translation>이 암호화 보관함</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Location: {path}</source>
        <translation>위치: {path}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verifying checks the encryption, the database and the audit log for tampering.</source>
        <translation>무결성 검사는 암호화, 데이터베이스, 접근 기록이 조작되지 않았는지 확인합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify vault…</source>
        <translation>무결성 검사…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lock now</source>
        <translation>지금 잠금</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keeping clients safe</source>
        <translation>내담자를 안전하게 지키려면</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock SafeCase whenever you leave your desk, even briefly: press Ctrl+L.</source>
        <translation>잠깐이라도 자리를 비울 때는 SafeCase를 잠그세요. Ctrl+L을 누르면 됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never put a client&apos;s name in a file name, an e-mail subject or a calendar entry.</source>
        <translation>내담자 이름을 파일 이름, 메일 제목, 일정에 절대 쓰지 마세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store backup files and the paper recovery key in different places: together they open the whole vault.</source>
        <translation>백업 파일과 종이에 적은 복구 키는 따로 보관하세요. 둘이 함께 있으면 암호화 보관함 전체가 열립니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language on this computer</source>
        <translation>이 컴퓨터의 언어</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same as the system ({language})</source>
        <translation>시스템 언어 따르기 ({language})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved.</source>
        <translation>저장했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SafeCase switches to {language} at the next sign-in: lock it (Ctrl+L) and sign in again.</source>
        <translation>다음 로그인부터 {language}(으)로 바뀝니다. 잠금(Ctrl+L) 후 다시 로그인하세요.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SafeCase locks itself after {minutes} minutes without use.</source>
        <translation>SafeCase는 {minutes}분 동안 쓰지 않으면 자동 잠금됩니다.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/pages/import_dialog.py" line="+94"/>
        <source>Import cases from a spreadsheet</source>
        <translation>스프레드시트에서 사례 가져오기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CP949 (Korean Excel)</source>
        <translation>CP949 (한글 엑셀)</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Save the spreadsheet as CSV (UTF-8 or the Korean Excel default, CP949). The first row names the columns: case_number, opened, status, risk, alias, age_band, gender, affiliation, region, incident_types, platforms, perpetrator_relation, incident_date, counselor, statistics_opt_out, notes. Only “opened” is required. If any row has a problem, nothing is imported.</source>
        <translation>스프레드시트를 CSV(UTF-8 또는 한글 엑셀 기본값인 CP949)로 저장하세요. 첫 행에는 열 이름을 적습니다: case_number, opened, status, risk, alias, age_band, gender, affiliation, region, incident_types, platforms, perpetrator_relation, incident_date, counselor, statistics_opt_out, notes. 꼭 있어야 하는 열은 “opened”뿐입니다. 문제가 있는 행이 하나라도 있으면 아무것도 가져오지 않습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No file chosen.</source>
        <translation>선택한 파일이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose a CSV file</source>
        <translation>CSV 파일 선택</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV 파일 (*.csv *.txt)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the file…</source>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking every row…</source>
        <translation>모든 행을 확인하는 중…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The first row has a problem: {problems} Nothing can be imported.</source>
        <translation>첫 행에 문제가 있습니다: {problems} 아무것도 가져올 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file holds no rows to import.</source>
        <translation>파일에 가져올 행이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{total} rows read ({encoding}); rows with problems: {bad} (shaded; the reasons are in the Problems column). Fix them in the spreadsheet and choose the file again: nothing is imported until every row is ready.</source>
        <translation>{total}행을 읽었습니다({encoding}). 문제가 있는 행: {bad}행(음영 표시, 이유는 ‘문제’ 열에 있음). 스프레드시트에서 고친 뒤 파일을 다시 고르세요. 모든 행이 준비될 때까지 아무것도 가져오지 않습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{total} rows read ({encoding}); all are ready to import.</source>
        <translation>{total}행을 읽었습니다({encoding}). 모두 가져올 준비가 되었습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Nothing was imported: {problems}</source>
        <translation>아무것도 가져오지 않았습니다: {problems}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Importing…</source>
        <translation>가져오는 중…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import finished</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} cases were imported.</source>
        <translation>사례 {count}건을 가져왔습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The spreadsheet still holds the records in the clear: delete it once you have checked the import.</source>
        <translation>스프레드시트에는 기록이 암호화되지 않은 채 남아 있습니다. 가져온 결과를 확인한 뒤 지우세요.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../ui/case/incident_dialog.py" line="+23"/>
        <source>Edit incident</source>
        <translation>피해 사건 수정</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record an incident</source>
        <translation>피해 사건 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save incident</source>
        <translation>피해 사건 저장</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;What happened (tick all that apply):</source>
        <translation>피해 유형(&amp;W) (해당하는 것 모두 선택):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident types</source>
        <translation>피해 유형</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Platforms involved:</source>
        <translation>관련 플랫폼(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Other platforms (separate with commas):</source>
        <translation>기타 플랫폼(&amp;O) (쉼표로 구분):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a site or app not on the list</source>
        <translation>목록에 없는 사이트나 앱</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What happened, in the survivor&apos;s words where possible</source>
        <translation>무슨 일이 있었는지, 되도록 피해자의 말로</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perpetrator:</source>
        <translation>가해자와의 관계:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When:</source>
        <translation>피해 발생일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place:</source>
        <translation>장소:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
</context>
<context>
    <name>IncidentsModel</name>
    <message>
        <location filename="../../ui/case/case_incidents.py" line="-95"/>
        <source>When</source>
        <translation>피해 발생일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What happened</source>
        <translation>피해 유형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platforms</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perpetrator</source>
        <translation>가해자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>장소</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>설명</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not known</source>
        <translation>모름</translation>
    </message>
</context>
<context>
    <name>ItemDetails</name>
    <message>
        <location filename="../../ui/case/case_evidence.py" line="+76"/>
        <source>SHA-256 of the original file:</source>
        <translation>원본 파일의 해시값(SHA-256):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256</source>
        <translation>해시값(SHA-256)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kind:</source>
        <translation>종류:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description:</source>
        <translation>설명:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform:</source>
        <translation>플랫폼:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links:</source>
        <translation>링크:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel:</source>
        <translation>채널:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File:</source>
        <translation>파일:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>크기:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept:</source>
        <translation>보관:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-uploads:</source>
        <translation>재유포 확인:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received:</source>
        <translation>받은 일시:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received from:</source>
        <translation>받은 곳:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captured:</source>
        <translation>채증 일시:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File times:</source>
        <translation>파일 시각:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added:</source>
        <translation>추가:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>메모:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>modified {at}</source>
        <translation>수정 {at}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>changed {at}</source>
        <translation>변경 {at}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>created {at}</source>
        <translation>생성 {at}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{size} ({count} bytes)</source>
        <translation>{size} ({count}바이트)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{at} by {who}</source>
        <translation>{at}, {who}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="+19"/>
        <source>Counselor</source>
        <translation>상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>책임상담원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../ui/common/taxonomy_labels.py" line="+40"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/common/taxonomy_labels.py" line="+27"/>
        <source>Open</source>
        <translation>접수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred</source>
        <translation>연계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed</source>
        <translation>종결</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Archived</source>
        <translation>보관</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>보통</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Under 10</source>
        <translation>10세 미만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teens</source>
        <translation>10대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>20s</source>
        <translation>20대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30s</source>
        <translation>30대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>40s</source>
        <translation>40대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>50s</source>
        <translation>50대</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>60 and over</source>
        <translation>60대 이상</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <location line="+110"/>
        <source>Not known</source>
        <translation>모름</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Female</source>
        <translation>여성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Non-binary</source>
        <translation>논바이너리</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Phone</source>
        <translation>전화</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>채팅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messenger app</source>
        <translation>메신저</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>이메일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Visit</source>
        <translation>방문(면접)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <location line="+17"/>
        <location line="+65"/>
        <location line="+8"/>
        <source>Other</source>
        <translation>기타</translation>
    </message>
    <message>
        <location line="-128"/>
        <source>Inbound</source>
        <translation>수신</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbound</source>
        <translation>발신</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+62"/>
        <source>Survivor</source>
        <translation>본인</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Family</source>
        <translation>가족</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friend</source>
        <translation>지인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colleague</source>
        <translation>동료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Officer</source>
        <translation>기관 담당자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anonymous</source>
        <translation>익명</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Draft</source>
        <translation>초안</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>요청함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>수락</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>거절</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No response</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Help given</source>
        <translation>지원 제공</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investigation opened</source>
        <translation>수사 개시</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal action taken</source>
        <translation>법적 조치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content removed</source>
        <translation>삭제 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined by the survivor</source>
        <translation>피해자가 원하지 않음</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible</source>
        <translation>지원 대상 아님</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not recorded</source>
        <translation>기록 없음</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Police / military police</source>
        <translation>경찰·군사경찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution</source>
        <translation>검찰·군검찰</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal aid</source>
        <translation>법률 지원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical</source>
        <translation>의료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mental health</source>
        <translation>정신건강</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelter</source>
        <translation>보호시설</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take-down / deletion support</source>
        <translation>삭제지원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Victim support center</source>
        <translation>피해자 지원 기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Military chain of command</source>
        <translation>부대 지휘계통</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To record data</source>
        <translation>정보 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To share with an organization</source>
        <translation>제3자 정보 제공</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Guardian</source>
        <translation>보호자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>대리인</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Task</source>
        <translation>할 일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral follow-up</source>
        <translation>연계 사후관리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact follow-up</source>
        <translation>상담 사후관리</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Exact date</source>
        <translation>정확한 날짜</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month only</source>
        <translation>월까지만</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year only</source>
        <translation>연도만</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Found, not reported</source>
        <translation>발견 (요청 전)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>삭제 요청함</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>접수 확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>삭제 완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>삭제 거부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reappeared</source>
        <translation>재유포</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The platform or site itself</source>
        <translation>플랫폼·사이트 운영자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Korea Communications Standards Commission (방송통신심의위원회)</source>
        <translation>방송통신심의위원회 (방심위)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Digital Sex Crime Victim Support Center (디지털성범죄피해자지원센터)</source>
        <translation>디지털성범죄피해자지원센터 (디성센터)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Police (cyber investigation)</source>
        <translation>경찰 (사이버수사)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KCSC (방심위)</source>
        <translation>방심위</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DSC (디성센터)</source>
        <translation>디성센터</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Police</source>
        <translation>경찰</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/shell/lock_shortcut.py" line="+19"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+92"/>
        <source>Pages</source>
        <translation>화면</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take-downs</source>
        <translation>삭제지원</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home</source>
        <translation>홈</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reports</source>
        <translation>통계 보고서</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Audit log</source>
        <translation>접근 기록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administration</source>
        <translation>관리</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Signed in: &lt;b&gt;{name}&lt;/b&gt; ({user}) — {roles}</source>
        <translation>로그인: &lt;b&gt;{name}&lt;/b&gt; ({user}) — {roles}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;New intake…</source>
        <translation>빠른 접수(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log a call or chat, for a new or an existing case (Ctrl+N)</source>
        <translation>새 사례나 기존 사례에 전화·채팅 상담을 기록합니다 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find case…</source>
        <translation>사례 찾기(&amp;F)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Import cases from a spreadsheet…</source>
        <translation>스프레드시트에서 사례 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Referral &amp;directory…</source>
        <translation>연계기관 목록(&amp;D)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Lock</source>
        <translation>잠금(&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lock SafeCase now (Ctrl+L)</source>
        <translation>SafeCase를 지금 잠급니다 (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Change my password…</source>
        <translation>내 비밀번호 변경(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verify vault…</source>
        <translation>무결성 검사(&amp;V)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create &amp;backup…</source>
        <translation>백업 만들기(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About SafeCase</source>
        <translation>SafeCase 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Vault</source>
        <translation>암호화 보관함(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Cases</source>
        <translation>사례(&amp;C)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Account</source>
        <translation>계정(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Main toolbar</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>The contact was saved without a case.</source>
        <translation>상담일지를 사례 없이 저장했습니다.</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Please wait until the current operation has finished.</source>
        <translation>진행 중인 작업이 끝날 때까지 기다려 주세요.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/common/messages.py" line="+29"/>
        <source>SafeCase</source>
        <translation>SafeCase</translation>
    </message>
</context>
<context>
    <name>NewRecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/admin/recovery_key_dialog.py" line="+21"/>
        <source>New recovery key</source>
        <translation>새 복구 키</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write down the new recovery key</source>
        <translation>새 복구 키를 적어 두세요</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The old recovery key no longer opens the vault. Write the new key and its fingerprint on paper, lock the paper away from this computer and destroy the old one.</source>
        <translation>이전 복구 키로는 더 이상 암호화 보관함을 열 수 없습니다. 새 키와 키 지문을 종이에 적어 이 컴퓨터와 떨어진 곳에 잠가 두고, 이전 키는 없애세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SafeCase will not show this key again. It is not copied to the clipboard; do not photograph it or save it in a file on this computer.</source>
        <translation>SafeCase는 이 키를 다시 보여 주지 않습니다. 클립보드에도 복사되지 않습니다. 사진을 찍거나 이 컴퓨터의 파일에 저장하지 마세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>I have written the new recovery key and its fingerprint on paper</source>
        <translation>새 복구 키와 키 지문을 종이에 적었습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <location filename="../../ui/case/referral_dialogs.py" line="+36"/>
        <source>New referral</source>
        <translation>새 연계</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create referral</source>
        <translation>연계 만들기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The referral starts as a draft. Before it is marked sent, record the survivor&apos;s consent to share with this organization.</source>
        <translation>연계는 초안으로 시작합니다. 요청함으로 표시하기 전에 이 기관에 정보를 제공하는 데 대한 피해자의 동의를 기록하세요.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Organization:</source>
        <translation>연계기관(&amp;O):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add to directory…</source>
        <translation>목록에 추가…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not in the list?</source>
        <translation>목록에 없나요?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why this organization, what is asked of them</source>
        <translation>이 기관에 연계하는 이유와 요청하는 것</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow up by</source>
        <translation>사후관리 기한</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reason:</source>
        <translation>이유:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose the organization to refer to.</source>
        <translation>연계할 기관을 고르세요.</translation>
    </message>
</context>
<context>
    <name>OrganizationEditDialog</name>
    <message>
        <location filename="../../ui/admin/organizations_dialog.py" line="+172"/>
        <source>Edit organization</source>
        <translation>연계기관 수정</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add to the directory</source>
        <translation>연계기관 목록에 추가</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add organization</source>
        <translation>기관 추가</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>phone, e-mail, address or person to ask for</source>
        <translation>전화, 메일, 주소 또는 담당자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what they do, opening hours, how to refer</source>
        <translation>하는 일, 운영 시간, 연계 방법</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>유형:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact:</source>
        <translation>연락처:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>메모:</translation>
    </message>
</context>
<context>
    <name>OrganizationPicker</name>
    <message>
        <location line="-96"/>
        <source>All types</source>
        <translation>모든 유형</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization type</source>
        <translation>기관 유형</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search name, contact or notes</source>
        <translation>이름, 연락처, 메모 검색</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the directory</source>
        <translation>연계기관 목록 검색</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No organization matches.</source>
        <translation>맞는 기관이 없습니다.</translation>
    </message>
</context>
<context>
    <name>OrganizationsDialog</name>
    <message>
        <location line="+125"/>
        <location line="+4"/>
        <source>Referral directory</source>
        <translation>연계기관 목록</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organizations survivors are referred to.</source>
        <translation>피해자를 연계하는 기관입니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deactivated entries stay on earlier referrals but are not offered for new ones.</source>
        <translation>사용 중지한 기관은 이전 연계에는 남지만 새 연계에는 나오지 않습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisors and administrators can edit or deactivate entries.</source>
        <translation>책임상담원과 관리자는 기관을 수정하거나 사용 중지할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add…</source>
        <translation>추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Deactivate…</source>
        <translation>사용 중지…</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Show inactive</source>
        <translation>사용 중지한 기관 보기</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reactivate</source>
        <translation>다시 사용</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” was added to the directory.</source>
        <translation>“{name}”을(를) 목록에 추가했습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” was saved.</source>
        <translation>“{name}”을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Deactivate {name}?</source>
        <translation>{name}을(를) 사용 중지할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{name}” will no longer be offered for new referrals.</source>
        <translation>“{name}”은(는) 새 연계에 더 이상 나오지 않습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referrals already made to it keep it. You can reactivate it later.</source>
        <translation>이미 한 연계에는 그대로 남습니다. 나중에 다시 사용할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>사용 중지</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+5"/>
        <source>“{name}” was deactivated.</source>
        <translation>“{name}”을(를) 사용 중지했습니다.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“{name}” is active again.</source>
        <translation>“{name}”을(를) 다시 사용합니다.</translation>
    </message>
</context>
<context>
    <name>OrganizationsModel</name>
    <message>
        <location line="-285"/>
        <source>Organization</source>
        <translation>기관</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact</source>
        <translation>연락처</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} (inactive)</source>
        <translation>{name} (사용 중지)</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <location filename="../../ui/common/password_fields.py" line="+33"/>
        <source>At least {count} characters; a few unrelated words work well</source>
        <translation>{count}자 이상. 서로 관계없는 단어 몇 개를 이어 쓰면 좋습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Password strength</source>
        <translation>비밀번호 강도</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New password:</source>
        <translation>새 비밀번호:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Repeat it:</source>
        <translation>한 번 더:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Use at least {count} characters. Length matters more than symbols.</source>
        <translation>{count}자 이상 쓰세요. 특수문자보다 길이가 중요합니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Strength: {hint}</source>
        <translation>강도: {hint}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The passwords match.</source>
        <translation>두 비밀번호가 같습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The passwords do not match yet.</source>
        <translation>두 비밀번호가 아직 다릅니다.</translation>
    </message>
</context>
<context>
    <name>PlatformsLine</name>
    <message>
        <location filename="../../ui/case/incident_fields.py" line="+95"/>
        <source>for example 텔레그램, a new app (separate with commas)</source>
        <translation>예: 텔레그램, 새로운 앱 (쉼표로 구분)</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/pages/import_dialog.py" line="-162"/>
        <source>Line</source>
        <translation>행</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problems</source>
        <translation>문제</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ready</source>
        <translation>준비됨</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../ui/case/evidence_preview.py" line="+141"/>
        <source>Show image</source>
        <translation>이미지 보기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the image clearly. This is recorded in the custody log.</source>
        <translation>이미지를 선명하게 봅니다. 증거 보관 이력에 기록됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blur again</source>
        <translation>다시 흐리게</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a copy…</source>
        <translation>사본 저장…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the original file to a place you choose, outside the vault</source>
        <translation>원본 파일을 암호화 보관함 밖의 원하는 곳에 씁니다</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opening…</source>
        <translation>여는 중…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SafeCase cannot show this file.</source>
        <translation>SafeCase에서 이 파일을 보여 줄 수 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+34"/>
        <source>Blurred. Choose “Show image” to see it; that is logged.</source>
        <translation>흐리게 표시했습니다. 보려면 “이미지 보기”를 누르세요. 열람은 기록됩니다.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>The file was destroyed on {day}. Its hash and custody log remain.</source>
        <translation>파일은 {day}에 폐기되었습니다. 해시값과 증거 보관 이력은 남아 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No preview for this kind of file.</source>
        <translation>이 종류의 파일은 미리 볼 수 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the hash is kept. The file is not in SafeCase.</source>
        <translation>해시값만 보관합니다. 파일은 SafeCase에 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A link. Nothing was downloaded.</source>
        <translation>링크입니다. 아무것도 내려받지 않았습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Shown clearly; the view is in the custody log.</source>
        <translation>선명하게 표시했습니다. 열람은 증거 보관 이력에 남았습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To open it, save a copy and open that in another program.</source>
        <translation>열려면 사본을 저장해 다른 프로그램에서 여세요.</translation>
    </message>
</context>
<context>
    <name>QuickIntakeDialog</name>
    <message>
        <location filename="../../ui/pages/quick_intake.py" line="+125"/>
        <location line="+6"/>
        <source>Quick intake</source>
        <translation>빠른 접수</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tab moves on · Ctrl+Enter saves · Esc discards (asks first) · a draft is kept in the vault</source>
        <translation>Tab 다음 칸 · Ctrl+Enter 저장 · Esc 버리기(먼저 물어봄) · 작성 중인 내용은 암호화 보관함에 임시 저장</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save  (Ctrl+Enter)</source>
        <translation>저장  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard…</source>
        <translation>버리기…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>1 · The call</source>
        <translation>1 · 상담</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Channel:</source>
        <translation>상담 방법:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction:</source>
        <translation>수신/발신:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caller:</source>
        <translation>상담 요청자:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration:</source>
        <translation>상담 시간:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Summary:</source>
        <translation>요약(&amp;S):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>2 · The case</source>
        <translation>2 · 사례</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New case</source>
        <translation>새 사례(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Existing case</source>
        <translation>기존 사례(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;o case (one-off call)</source>
        <translation>사례 없음(&amp;O) (일회성 상담)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The call is logged without a case, for an anonymous one-off call. It can be attached to a case later from that case&apos;s Contacts tab.</source>
        <translation>익명의 일회성 상담처럼 사례 없이 상담일지를 남깁니다. 나중에 해당 사례의 상담일지 탭에서 사례에 연결할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Possible earlier cases of the same person — click or press Enter to add this call to one:</source>
        <translation>같은 사람의 이전 사례일 수 있습니다. 누르거나 Enter를 눌러 이 상담을 그 사례에 추가하세요:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Possible earlier cases of the same person</source>
        <translation>같은 사람의 이전 사례일 수 있는 사례</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>alias or initials, never the real name</source>
        <translation>가명이나 이니셜, 실명은 쓰지 않음</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>branch —</source>
        <translation>소속 군 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status —</source>
        <translation>신분 —</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>why this risk level</source>
        <translation>이 위험도로 판단한 이유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional; shown masked later</source>
        <translation>선택. 나중에는 가려서 표시</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional; finds earlier calls from this number</source>
        <translation>선택. 이 번호의 이전 상담을 찾음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Service branch</source>
        <translation>소속 군</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service status</source>
        <translation>신분</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason for the risk level</source>
        <translation>위험도 판단 이유</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias:</source>
        <translation>가명:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age band:</source>
        <translation>연령대:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender:</source>
        <translation>성별:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Affiliation:</source>
        <translation>소속:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:</source>
        <translation>지역:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk:</source>
        <translation>위험도:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Real name:</source>
        <translation>실명:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone:</source>
        <translation>연락처:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>case number or alias, then Enter</source>
        <translation>사례번호나 가명 입력 후 Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find a case</source>
        <translation>사례 찾기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases found</source>
        <translation>찾은 사례</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>3 · What happened (optional)</source>
        <translation>3 · 피해 사건 (선택)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Types (Space ticks):</source>
        <translation>피해 유형(&amp;T) (Space로 선택):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incident types</source>
        <translation>피해 유형</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. 텔레그램, Instagram</source>
        <translation>예: 텔레그램, 인스타그램</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platforms:</source>
        <translation>플랫폼:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Perpetrator:</source>
        <translation>가해자와의 관계:</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>No case of yours matches “{text}”.</source>
        <translation>“{text}”에 맞는 담당 사례가 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{number} · {alias} · opened {opened} · {counselors}</source>
        <translation>{number} · {alias} · 접수 {opened} · {counselors}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no alias)</source>
        <translation>(가명 없음)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>This call will be added to case {number}.</source>
        <translation>이 상담을 사례 {number}에 추가합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a case number (2026-0042) or an alias and press Enter.</source>
        <translation>사례번호(2026-0042)나 가명을 입력하고 Enter를 누르세요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{number} ({alias}) — {reason} — counselor: {counselors}</source>
        <translation>{number} ({alias}) — {reason} — 담당 상담원: {counselors}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{number} — {reason} — counselor: {counselors} (not your case: ask them)</source>
        <translation>{number} — {reason} — 담당 상담원: {counselors} (내 담당이 아님: 담당 상담원에게 문의)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This case is assigned to someone else; only its number and counselors are shown.</source>
        <translation>다른 상담원이 담당하는 사례라 사례번호와 담당 상담원만 보입니다.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>This call will be added to case {number}. Choose “New case” to open a new case instead.</source>
        <translation>이 상담을 사례 {number}에 추가합니다. 새 사례를 열려면 “새 사례”를 고르세요.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tick at least one incident type, or clear the platforms and perpetrator.</source>
        <translation>피해 유형을 하나 이상 고르거나, 플랫폼과 가해자 칸을 비우세요.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Find and choose the case to add this call to, or choose “New case”.</source>
        <translation>이 상담을 추가할 사례를 찾아 고르거나 “새 사례”를 고르세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An incident belongs to a case: choose a new or existing case.</source>
        <translation>피해 사건은 사례에 속합니다. 새 사례나 기존 사례를 고르세요.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Please wait until the current operation has finished.</source>
        <translation>진행 중인 작업이 끝날 때까지 기다려 주세요.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Restored your unsaved intake from {time}. Save it, or discard it with Esc.</source>
        <translation>{time}에 저장하지 않은 접수 내용을 되살렸습니다. 저장하거나 Esc로 버리세요.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Discard this intake?</source>
        <translation>이 접수 내용을 버릴까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you typed has not been saved as a contact.</source>
        <translation>입력한 내용은 상담일지로 저장되지 않았습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discarding deletes it, including the draft kept in the vault. Cancel to go back to the form.</source>
        <translation>버리면 암호화 보관함에 임시 저장된 내용까지 지워집니다. 양식으로 돌아가려면 취소를 누르세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
</context>
<context>
    <name>ReappearedDialog</name>
    <message>
        <location filename="../../ui/pages/takedown_dialogs.py" line="+402"/>
        <source>Material reappeared</source>
        <translation>재유포 발견</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record reappearance</source>
        <translation>재유포 기록</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reappeared · take-down #{id} · case {case}</source>
        <translation>재유포 · 삭제 요청 #{id} · 사례 {case}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Removed on {day}. A new take-down is opened for the material found again, linked to this one; report it again and record that on the new one.</source>
        <translation>{day}에 삭제 완료되었습니다. 다시 발견된 자료에 대해 이 요청과 연결된 새 삭제 요청을 만듭니다. 다시 신고하고 그 내용은 새 요청에 기록하세요.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check again on</source>
        <translation>다시 확인할 날</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where and how it was found</source>
        <translation>어디서 어떻게 발견했는지</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Found again on:</source>
        <translation>재발견일(&amp;F):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-check:</source>
        <translation>재확인:</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <location filename="../../ui/case/reassign_dialog.py" line="+32"/>
        <source>Reassign case {number}</source>
        <translation>사례 {number} 담당 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reassign</source>
        <translation>담당 변경</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who works case {number}?</source>
        <translation>사례 {number}은(는) 누가 담당하나요?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tick everyone who should work this case. They see it in their Cases list and its follow-ups on their Today page; anyone unticked no longer sees it.</source>
        <translation>이 사례를 담당할 사람을 모두 고르세요. 고른 사람은 사례 목록에서 이 사례를, 오늘 화면에서 사후관리를 봅니다. 선택을 해제한 사람은 더 이상 볼 수 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counselors</source>
        <translation>담당 상담원</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{display} ({user}) — {roles}</source>
        <translation>{display} ({user}) — {roles}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A case needs at least one counselor.</source>
        <translation>사례에는 담당 상담원이 한 명 이상 있어야 합니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{names} cannot open this case&apos;s real name and phone yet. Reassign gives them the key.</source>
        <translation>{names}은(는) 아직 이 사례의 실명과 연락처를 열 수 없습니다. 담당을 변경하면 키를 받습니다.</translation>
    </message>
</context>
<context>
    <name>RecheckDialog</name>
    <message>
        <location filename="../../ui/pages/takedown_dialogs.py" line="-67"/>
        <source>Re-check date</source>
        <translation>재확인일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save date</source>
        <translation>날짜 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take-down #{id} · case {case}</source>
        <translation>삭제 요청 #{id} · 사례 {case}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check again on</source>
        <translation>다시 확인할 날</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyView</name>
    <message>
        <location filename="../../ui/common/recovery_key.py" line="+49"/>
        <source>Group {number}</source>
        <translation>{number}번째 묶음</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fingerprint: {fingerprint}</source>
        <translation>키 지문: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>ReferralStatusDialog</name>
    <message>
        <location filename="../../ui/case/referral_dialogs.py" line="+25"/>
        <source>Change referral status</source>
        <translation>연계 상태 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referral to {organization}</source>
        <translation>{organization} 연계</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What they answered or did</source>
        <translation>상대 기관의 회신이나 조치</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status:</source>
        <translation>상태:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome:</source>
        <translation>결과:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome category:</source>
        <translation>결과 분류:</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <location filename="../../ui/case/case_referrals.py" line="-107"/>
        <source>Organization</source>
        <translation>연계기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up due</source>
        <translation>사후관리 기한</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consent on record</source>
        <translation>동의 기록</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{day} — overdue</source>
        <translation>{day} — 기한 지남</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No answer yet and the follow-up date has passed.</source>
        <translation>아직 회신이 없고 사후관리 기한이 지났습니다.</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <location filename="../../ui/pages/report_chart.py" line="+70"/>
        <source>Chart: {title}</source>
        <translation>차트: {title}</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../ui/pages/reports_model.py" line="+127"/>
        <source>Not shown: fewer than {k} records. A median of so few would tell too much about each of them.</source>
        <translation>표시하지 않음: 집계 대상이 {k}건 미만입니다. 이렇게 적은 수의 중앙값은 한 사람 한 사람에 대해 너무 많은 것을 드러냅니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Primary suppression: a count from 1 to {top}, shown as “&lt;{k}” so that no one can be recognized.</source>
        <translation>1차 비공개: 1~{top}건인 값으로, 누구인지 알아볼 수 없도록 “&lt;{k}”로 표시합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Secondary suppression: hidden as “X” so that no count shown as “&lt;{k}” can be worked out from the totals or from another table of this report.</source>
        <translation>2차 비공개: “&lt;{k}”로 표시한 값을 합계나 이 보고서의 다른 표로 계산해 낼 수 없도록 “X”로 숨긴 값입니다.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports_page.py" line="+167"/>
        <source>Reports</source>
        <translation>통계 보고서</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Anonymized statistics for funders, the ministry and the public: counts and medians of whole months, with small counts hidden so that no one can be recognized. Cases whose survivor declined statistical use are left out.</source>
        <translation>후원 기관, 주무 부처, 일반 공개용 익명 통계입니다. 월 단위로 건수와 중앙값만 집계하고, 누구인지 알아볼 수 없도록 작은 값은 숨깁니다. 피해자가 통계 활용에 동의하지 않은 사례는 제외합니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Peri&amp;od:</source>
        <translation>기간(&amp;O):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This quarter</source>
        <translation>이번 분기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last quarter</source>
        <translation>지난 분기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This year</source>
        <translation>올해</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>지난해</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months chosen below</source>
        <translation>아래에서 고른 달</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This quarter and this year run to this month; months still to come are not counted.</source>
        <translation>이번 분기와 올해는 이번 달까지 집계합니다. 아직 오지 않은 달은 세지 않습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;From:</source>
        <translation>시작(&amp;F):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First month of the report</source>
        <translation>보고서의 첫 달</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>끝(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last month of the report (included)</source>
        <translation>보고서의 마지막 달 (포함)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Smallest count shown (&amp;k):</source>
        <translation>최소 공개 건수 k(&amp;K):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Smallest count shown (k)</source>
        <translation>최소 공개 건수 k</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>한국어</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The language of the report&apos;s titles and labels</source>
        <translation>보고서의 제목과 항목 이름에 쓰는 언어</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preview</source>
        <translation>미리보기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count the chosen months and show the report (F5)</source>
        <translation>고른 달을 집계해 보고서를 보여 줍니다 (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export…</source>
        <translation>내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;PDF document…</source>
        <translation>PDF 문서(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xcel workbook (.xlsx)…</source>
        <translation>엑셀 통합 문서 (.xlsx)(&amp;X)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;CSV file (.csv)…</source>
        <translation>CSV 파일 (.csv)(&amp;C)…</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Choose the months and press Preview (F5).
The report is shown here exactly as it will be exported; nothing is written until you choose Export.</source>
        <translation>달을 고르고 미리보기(F5)를 누르세요.
보고서는 내보낼 모습 그대로 여기에 표시됩니다. 내보내기를 고르기 전에는 아무 파일도 만들지 않습니다.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Ta&amp;bles:</source>
        <translation>표(&amp;B):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tables of the report</source>
        <translation>보고서의 표</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Counts from 1 to {top} are shown as “&lt;{k}”. This vault&apos;s setting is k = {setting}; a report may use a higher k, never a lower one.</source>
        <translation>1~{top}건인 값은 “&lt;{k}”로 표시합니다. 이 암호화 보관함의 설정은 k = {setting}입니다. 보고서에는 더 큰 k를 쓸 수 있지만 더 작은 k는 쓸 수 없습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Write the report shown below as PDF, Excel or CSV</source>
        <translation>아래에 보이는 보고서를 PDF, 엑셀, CSV 파일로 내보냅니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview the report first: the export is exactly what the preview shows</source>
        <translation>먼저 보고서를 미리 보세요. 미리보기에 보이는 그대로 내보냅니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The choices above changed after this preview. Press Preview (F5) to see the report they make.</source>
        <translation>이 미리보기 뒤에 위의 선택을 바꿨습니다. 바꾼 선택으로 만든 보고서를 보려면 미리보기(F5)를 누르세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Casework was saved after this preview. Export writes the numbers shown here; press Preview (F5) to count again.</source>
        <translation>이 미리보기 뒤에 사례 기록이 저장되었습니다. 내보내기는 여기 보이는 숫자를 그대로 씁니다. 다시 집계하려면 미리보기(F5)를 누르세요.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Counting {first} to {last}…</source>
        <translation>{first} ~ {last} 집계 중…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting {month}…</source>
        <translation>{month} 집계 중…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Counts from 1 to {top}, hidden so that no one can be recognized (primary suppression)</source>
        <translation>누구인지 알아볼 수 없도록 숨긴 1~{top}건인 값 (1차 비공개)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counts hidden so that no “&lt;{k}” can be worked out from totals or from another table (secondary suppression)</source>
        <translation>“&lt;{k}”인 값을 합계나 다른 표로 계산해 낼 수 없도록 숨긴 값 (2차 비공개)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{first} to {last}</source>
        <translation>{first} ~ {last}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to count in {months}: no case was opened, no contact logged, no referral sent and no take-down reported in these months.</source>
        <translation>{months}에는 집계할 것이 없습니다. 이 기간에 접수된 사례, 기록된 상담, 요청한 연계, 삭제 요청이 하나도 없습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>1 case opened in these months is left out: the survivor declined statistical use.</source>
        <translation>이 기간에 접수된 사례 중 1건은 피해자가 통계 활용에 동의하지 않아 제외했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} cases opened in these months are left out: the survivor declined statistical use.</source>
        <translation>이 기간에 접수된 사례 중 {count}건은 피해자가 통계 활용에 동의하지 않아 제외했습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can still export this report; every count in it is 0.</source>
        <translation>이 보고서도 내보낼 수 있습니다. 모든 값이 0입니다.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>엑셀 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>statistics-{first}-to-{last}</source>
        <translation>통계보고서-{first}~{last}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the report as</source>
        <translation>보고서 저장</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Writing the report…</source>
        <translation>보고서 내보내는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The report was written to {path}
SHA-256: {sha256}</source>
        <translation>보고서를 {path}에 저장했습니다.
해시값(SHA-256): {sha256}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../ui/case/evidence_dialogs.py" line="+14"/>
        <source>{item} returned</source>
        <translation>{item} 반환</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record return</source>
        <translation>반환 기록</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>who brought it back</source>
        <translation>돌려준 사람</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>what came back, in what state (optional)</source>
        <translation>무엇이 어떤 상태로 돌아왔는지 (선택)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Returned &amp;by:</source>
        <translation>반환한 사람(&amp;B):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../ui/case/reveal_dialog.py" line="+23"/>
        <source>Show identifying details</source>
        <translation>실명 보기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Show</source>
        <translation>보기(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the real name and phone of case {number}? This is recorded in the audit log.</source>
        <translation>사례 {number}의 실명과 연락처를 볼까요? 접근 기록에 남습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Optional, for example: arranging the police interview</source>
        <translation>선택. 예: 경찰 조사 일정 조율</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reason:</source>
        <translation>이유(&amp;R):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Supervisors read the reason in the audit log; write no names in it.</source>
        <translation>책임상담원이 접근 기록에서 이유를 봅니다. 이름은 적지 마세요.</translation>
    </message>
</context>
<context>
    <name>SafeCaseApp</name>
    <message>
        <location filename="../../ui/shell/controller.py" line="+163"/>
        <source>This vault may have been put back to an older state</source>
        <translation>이 암호화 보관함이 이전 상태로 되돌려졌을 수 있습니다</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>SafeCase locked itself after a time without use. Enter your password to continue.</source>
        <translation>한동안 쓰지 않아 SafeCase가 자동 잠금되었습니다. 계속하려면 비밀번호를 입력하세요.</translation>
    </message>
</context>
<context>
    <name>SetPasswordDialog</name>
    <message>
        <location filename="../../ui/admin/user_dialogs.py" line="+13"/>
        <source>Enable {name}</source>
        <translation>{name} 다시 사용</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset the password of {name}</source>
        <translation>{name}의 비밀번호 재설정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable account</source>
        <translation>계정 다시 사용</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set new password</source>
        <translation>새 비밀번호 설정</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The account was disabled and its old password no longer opens anything. Choose a new password and tell it to {name} in person.</source>
        <translation>이 계정은 사용 중지되어 이전 비밀번호로는 아무것도 열 수 없습니다. 새 비밀번호를 정해 {name}에게 직접 알려 주세요.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name} can no longer use the old password. Tell them the new one in person and ask them to change it after signing in.</source>
        <translation>{name}은(는) 이전 비밀번호를 더 이상 쓸 수 없습니다. 새 비밀번호를 직접 알려 주고, 로그인한 뒤 바꾸도록 안내하세요.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saving the new password…</source>
        <translation>새 비밀번호 저장 중…</translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <location filename="../../ui/admin/settings_panel.py" line="+33"/>
        <source>Vault settings</source>
        <translation>암호화 보관함 설정</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>shown in the title bar, for example 해바라기센터</source>
        <translation>제목 표시줄에 표시, 예: 해바라기센터</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-lock after minutes without use</source>
        <translation>쓰지 않을 때 자동 잠금까지 시간(분)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Smallest count shown in statistics reports</source>
        <translation>통계 보고서의 최소 공개 건수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Center name:</source>
        <translation>센터 이름:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after:</source>
        <translation>자동 잠금:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>After this long without keyboard or mouse use, SafeCase locks itself and asks for the password again.</source>
        <translation>이 시간 동안 키보드나 마우스를 쓰지 않으면 SafeCase가 자동 잠금되고 비밀번호를 다시 묻습니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Smallest count in reports:</source>
        <translation>최소 공개 건수:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Statistics reports show a smaller count (from 1 up) only as “fewer than” this number, and hide further cells so it cannot be worked out. Never below {low}: a count of 1 or 2 can name a person.</source>
        <translation>통계 보고서는 이 수보다 작은 값(1 이상)을 “이 수 미만”으로만 표시하고, 그 값을 계산해 낼 수 없도록 다른 칸도 함께 숨깁니다. {low}보다 작게 정할 수는 없습니다. 1건이나 2건이면 누구인지 드러날 수 있습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save settings</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Settings saved.</source>
        <translation>설정을 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../ui/shell/sign_in.py" line="+68"/>
        <source>SafeCase</source>
        <translation>SafeCase</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+68"/>
        <source>Sign in with your own account. Never share a password.</source>
        <translation>본인 계정으로 로그인하세요. 비밀번호는 절대 함께 쓰지 마세요.</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Sign-in name</source>
        <translation>로그인 아이디</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in name:</source>
        <translation>로그인 아이디:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>비밀번호:</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+39"/>
        <location line="+65"/>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Vault: {path}</source>
        <translation>암호화 보관함: {path}</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>SafeCase is locked. Enter your password to continue.</source>
        <translation>SafeCase가 잠겨 있습니다. 계속하려면 비밀번호를 입력하세요.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signing in…</source>
        <translation>로그인 중…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>You can try again now.</source>
        <translation>이제 다시 시도할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Too many failed sign-ins. Try again in {seconds} s.</source>
        <translation>로그인에 여러 번 실패했습니다. {seconds}초 뒤에 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>TakedownDialog</name>
    <message>
        <location filename="../../ui/pages/takedown_dialogs.py" line="-271"/>
        <source>Telegram, X, a webhard, a site…</source>
        <translation>텔레그램, X, 웹하드, 사이트…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Add take-down</source>
        <translation>삭제 요청 추가</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>One entry per place the link was reported. Record where and when, and the number they gave; SafeCase reminds you on Today when it is time to check whether it is down.</source>
        <translation>링크를 신고한 곳마다 하나씩 기록하세요. 어디에 언제 요청했는지와 받은 접수 번호를 적으면, 삭제되었는지 확인할 때가 되었을 때 오늘 화면에서 알려 줍니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Case number or alias</source>
        <translation>사례번호나 가명</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Case:</source>
        <translation>사례(&amp;C):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case:</source>
        <translation>사례:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Evidence item:</source>
        <translation>증거자료:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>https://… (the post, the channel, the page)</source>
        <translation>https://… (게시물, 채널, 페이지)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reported on</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The number they gave the report, if any</source>
        <translation>받은 접수 번호 (있으면)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check again on</source>
        <translation>다시 확인할 날</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who asked, what was sent with the report</source>
        <translation>누가 요청했는지, 무엇을 함께 보냈는지</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Link:</source>
        <translation>링크(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>플랫폼(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported &amp;to:</source>
        <translation>요청한 곳(&amp;T):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When:</source>
        <translation>날짜:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>접수 번호(&amp;R):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-check:</source>
        <translation>재확인:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N&amp;otes:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Choose the case the link belongs to.</source>
        <translation>링크가 속한 사례를 고르세요.</translation>
    </message>
</context>
<context>
    <name>TakedownStatusDialog</name>
    <message>
        <location line="+25"/>
        <source>Change take-down status</source>
        <translation>삭제 요청 상태 변경</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save status</source>
        <translation>상태 저장</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take-down #{id} · case {case}</source>
        <translation>삭제 요청 #{id} · 사례 {case}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what}
Now: {status} since {day}.</source>
        <translation>{what}
현재: {day}부터 {status}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The number they gave, if any</source>
        <translation>받은 접수 번호 (있으면)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check again on</source>
        <translation>다시 확인할 날</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they answered, what you saw</source>
        <translation>상대의 회신, 직접 확인한 내용</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;On:</source>
        <translation>날짜(&amp;O):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reference:</source>
        <translation>접수 번호(&amp;R):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>N&amp;ote:</source>
        <translation>메모(&amp;O):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re-check:</source>
        <translation>재확인:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed or refused: the take-down leaves the open list and needs no re-check.</source>
        <translation>삭제 완료나 삭제 거부가 되면 진행 중 목록에서 빠지고 재확인이 필요 없습니다.</translation>
    </message>
</context>
<context>
    <name>TakedownsModel</name>
    <message>
        <location filename="../../ui/pages/takedowns_model.py" line="+41"/>
        <source>Re-check</source>
        <translation>재확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to</source>
        <translation>요청한 곳</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported on</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>접수 번호</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Click to sort by this column; click again to reverse.</source>
        <translation>누르면 이 열로 정렬하고, 다시 누르면 순서를 뒤집습니다.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Evidence item #{id}</source>
        <translation>증거자료 #{id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{status} (of #{id})</source>
        <translation>{status} (#{id} 관련)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No re-check date</source>
        <translation>재확인일 없음</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{date} · overdue by {days} days</source>
        <translation>{date} · {days}일 지남</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{date} · today</source>
        <translation>{date} · 오늘</translation>
    </message>
</context>
<context>
    <name>TakedownsPage</name>
    <message>
        <location filename="../../ui/pages/takedowns_page.py" line="+88"/>
        <location line="+51"/>
        <source>Take-downs</source>
        <translation>삭제지원</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the list again (F5)</source>
        <translation>목록을 다시 읽습니다 (F5)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Posts and links reported for removal — to the platform, the KCSC, the Digital Sex Crime Victim Support Center or the police — in every case of the center, by the day to check again.</source>
        <translation>플랫폼, 방심위, 디지털성범죄피해자지원센터, 경찰에 삭제를 요청한 게시물과 링크를 센터의 모든 사례에서 모아 재확인일 순으로 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Posts and links reported for removal — to the platform, the KCSC, the Digital Sex Crime Victim Support Center or the police — in the cases assigned to you, by the day to check again.</source>
        <translation>플랫폼, 방심위, 디지털성범죄피해자지원센터, 경찰에 삭제를 요청한 게시물과 링크를 내가 담당한 사례에서 모아 재확인일 순으로 보여 줍니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sho&amp;w:</source>
        <translation>보기(&amp;W):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open (not down yet)</source>
        <translation>진행 중 (아직 삭제 안 됨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To re-check now</source>
        <translation>지금 재확인할 것</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed or refused</source>
        <translation>삭제 완료 또는 거부</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add take-down…</source>
        <translation>삭제 요청 추가(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a post or link reported for removal</source>
        <translation>삭제를 요청한 게시물이나 링크를 기록합니다</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Change &amp;status…</source>
        <translation>상태 변경(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Re-check date…</source>
        <translation>재확인일(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reapp&amp;eared…</source>
        <translation>재유포(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed material was found again: open a new take-down for it</source>
        <translation>삭제된 자료가 다시 발견되면 새 삭제 요청을 만듭니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open case</source>
        <translation>사례 열기(&amp;O)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enter or double-click opens the case.</source>
        <translation>Enter를 누르거나 두 번 클릭하면 사례가 열립니다.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>1 take-down</source>
        <translation>삭제 요청 1건</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{count} take-downs</source>
        <translation>삭제 요청 {count}건</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · {count} overdue for a re-check</source>
        <translation> · 재확인 기한 지남 {count}건</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to re-check today.</source>
        <translation>오늘 재확인할 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No take-down has been removed or refused yet.</source>
        <translation>아직 삭제 완료되거나 거부된 요청이 없습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No take-down is waiting.
When a post or link is reported for removal, choose Add take-down… to follow it here until it is down.</source>
        <translation>기다리는 삭제 요청이 없습니다.
게시물이나 링크의 삭제를 요청하면 삭제 요청 추가…를 눌러 삭제될 때까지 여기서 확인하세요.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Recorded take-down #{id} for case {case}.</source>
        <translation>사례 {case}의 삭제 요청 #{id}을(를) 기록했습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Take-down #{id} of case {case}: status saved.</source>
        <translation>사례 {case}의 삭제 요청 #{id}: 상태를 저장했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Take-down #{id} of case {case}: re-check date saved.</source>
        <translation>사례 {case}의 삭제 요청 #{id}: 재확인일을 저장했습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recorded take-down #{id} for case {case}: the material reappeared.</source>
        <translation>사례 {case}의 삭제 요청 #{id}을(를) 기록했습니다: 자료가 재유포되었습니다.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../ui/tasks.py" line="+102"/>
        <source>Please wait</source>
        <translation>잠시 기다려 주세요</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Something unexpected went wrong and the operation was not completed.</source>
        <translation>예상하지 못한 문제로 작업을 마치지 못했습니다.</translation>
    </message>
    <message>
        <location line="+233"/>
        <source>The vault is locked. Sign in again.</source>
        <translation>암호화 보관함이 잠겼습니다. 다시 로그인하세요.</translation>
    </message>
</context>
<context>
    <name>TasksModel</name>
    <message>
        <location filename="../../ui/case/case_tasks.py" line="-206"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-up</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>담당</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{date} · overdue</source>
        <translation>{date} · 기한 지남</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/pages/today_page.py" line="+81"/>
        <source>{date} · overdue by {days} days</source>
        <translation>{date} · {days}일 지남</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{date} · overdue since yesterday</source>
        <translation>{date} · 어제 기한 지남</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+112"/>
        <source>Today</source>
        <translation>오늘</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the lists again (F5)</source>
        <translation>목록을 다시 읽습니다 (F5)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>My follow-ups</source>
        <translation>내 사후관리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing due today.</source>
        <translation>오늘 기한인 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>기한</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <location line="+14"/>
        <location line="+15"/>
        <source>Case</source>
        <translation>사례</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Follow-up</source>
        <translation>사후관리</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark &amp;done</source>
        <translation>완료로 표시(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected follow-up as done</source>
        <translation>선택한 사후관리를 완료로 표시합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Referrals waiting for an answer</source>
        <translation>회신을 기다리는 연계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No referral is waiting past its follow-up date.</source>
        <translation>사후관리 기한이 지나도록 회신을 기다리는 연계가 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up was due</source>
        <translation>사후관리 기한</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organization</source>
        <translation>연계기관</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>요청일</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+26"/>
        <location line="+16"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Take-downs to re-check</source>
        <translation>재확인할 삭제 요청</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No take-down is due for a re-check.</source>
        <translation>재확인할 때가 된 삭제 요청이 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-check</source>
        <translation>재확인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link</source>
        <translation>링크</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported to</source>
        <translation>요청한 곳</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show in &amp;Take-downs</source>
        <translation>삭제지원에서 보기(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the Take-downs page to record what you found when you checked</source>
        <translation>삭제지원 화면을 열어 확인한 결과를 기록합니다</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Open cases at urgent risk</source>
        <translation>위험도 긴급인 진행 중 사례</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No open case is at urgent risk.</source>
        <translation>위험도 긴급인 진행 중 사례가 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alias</source>
        <translation>가명</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counselors</source>
        <translation>담당 상담원</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Opened</source>
        <translation>접수일</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Enter or double-click opens the case.</source>
        <translation>Enter를 누르거나 두 번 클릭하면 사례가 열립니다.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{date} ({weekday})</source>
        <translation>{date} ({weekday})</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Evidence item #{id}</source>
        <translation>증거자료 #{id}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Showing the first {shown} of {total}. The Take-downs page lists them all.</source>
        <translation>{total}건 중 처음 {shown}건을 표시합니다. 삭제지원 화면에 모두 있습니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This follow-up belongs to a contact that is not attached to a case.</source>
        <translation>이 사후관리는 사례에 연결되지 않은 상담의 것입니다.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Done: {title}</source>
        <translation>완료: {title}</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <location line="-328"/>
        <source>Open case</source>
        <translation>사례 열기</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Showing the first {shown} of {total}. The Cases page lists them all (Overdue only).</source>
        <translation>{total}건 중 처음 {shown}건을 표시합니다. 사례 화면(기한 지난 것만)에 모두 있습니다.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../ui/admin/users_model.py" line="+19"/>
        <source>Sign-in name</source>
        <translation>로그인 아이디</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Display name</source>
        <translation>표시 이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>역할</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>만든 날</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Active</source>
        <translation>사용 중</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>사용 중지</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../ui/admin/users_panel.py" line="+41"/>
        <source>Add user…</source>
        <translation>사용자 추가…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password…</source>
        <translation>비밀번호 재설정…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable…</source>
        <translation>사용 중지…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable…</source>
        <translation>다시 사용…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Compare with the fingerprint on your paper recovery key.</source>
        <translation>종이에 적은 복구 키의 키 지문과 비교하세요.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{name} was added.</source>
        <translation>{name}을(를) 추가했습니다.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The password of {name} was reset.</source>
        <translation>{name}의 비밀번호를 재설정했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} was enabled with a new password.</source>
        <translation>{name}을(를) 새 비밀번호로 다시 사용하게 했습니다.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Disable {name}?</source>
        <translation>{name}을(를) 사용 중지할까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} will no longer be able to sign in.</source>
        <translation>{name}은(는) 더 이상 로그인할 수 없습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SafeCase then re-encrypts the whole database under a new key, so a copy of the old key file opens nothing written from now on. This can take a moment. You can enable the account again later with a new password.</source>
        <translation>그다음 SafeCase가 데이터베이스 전체를 새 키로 다시 암호화하므로, 이전 키 파일의 사본으로는 앞으로 쓰는 내용을 열 수 없습니다. 시간이 조금 걸릴 수 있습니다. 나중에 새 비밀번호로 계정을 다시 사용하게 할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also replace the recovery key (recommended if this person may have seen it)</source>
        <translation>복구 키도 바꾸기 (이 사람이 복구 키를 봤을 수 있다면 권장)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable account</source>
        <translation>계정 사용 중지</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Disabling the account and re-encrypting the database…</source>
        <translation>계정을 사용 중지하고 데이터베이스를 다시 암호화하는 중…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} was disabled and the database was re-encrypted.</source>
        <translation>{name}을(를) 사용 중지하고 데이터베이스를 다시 암호화했습니다.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The recovery key&apos;s fingerprint could not be read: {reason}</source>
        <translation>복구 키의 키 지문을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery key fingerprint: {fingerprint}</source>
        <translation>복구 키 지문: {fingerprint}</translation>
    </message>
</context>
<context>
    <name>VerifyReportDialog</name>
    <message>
        <location filename="../../ui/admin/verify.py" line="+24"/>
        <source>Verify vault</source>
        <translation>무결성 검사</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vault is intact</source>
        <translation>암호화 보관함에 이상이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every check passed.</source>
        <translation>모든 검사를 통과했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The vault has a problem</source>
        <translation>암호화 보관함에 문제가 있습니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop entering new information and tell your administrator. The most recent backup can restore the vault.</source>
        <translation>새 정보 입력을 멈추고 관리자에게 알리세요. 가장 최근 백업으로 암호화 보관함을 복원할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Checking every part of the vault…</source>
        <translation>암호화 보관함의 모든 부분을 검사하는 중…</translation>
    </message>
</context>
</TS>
